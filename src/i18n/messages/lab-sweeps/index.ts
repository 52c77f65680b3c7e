/** The lab's Sweeps page: starting a sweep and following it. */
import { defineNamespace } from '../../translate.js';
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zh from './zh-Hans.json' with { type: 'json' };

export const labSweeps = defineNamespace(
  'lab-sweeps',
  { en, ru, 'zh-Hans': zh },
  { dynamic: ['model.', 'modelTitle.'] },
);
