import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { takeTokenFromFragment } from './auth.js';
import { LabProvider } from './context.js';
import { LangProvider } from './i18n.js';
import './styles.css';

takeTokenFromFragment();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LangProvider>
      <LabProvider>
        <App />
      </LabProvider>
    </LangProvider>
  </StrictMode>,
);
