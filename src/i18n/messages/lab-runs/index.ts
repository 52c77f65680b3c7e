/** The lab's Runs page: stored runs, their manifest, progress, exports and summary. */
import { defineNamespace } from '../../translate.js';
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zh from './zh-Hans.json' with { type: 'json' };

export const labRuns = defineNamespace(
  'lab-runs',
  { en, ru, 'zh-Hans': zh },
  { dynamic: ['kind.', 'status.', 'visibility.'] },
);
