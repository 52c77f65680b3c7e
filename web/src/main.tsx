import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { takeTokenFromFragment } from './auth.js';
import { LabProvider } from './context.js';
import './styles.css';

takeTokenFromFragment();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LabProvider>
      <App />
    </LabProvider>
  </StrictMode>,
);
