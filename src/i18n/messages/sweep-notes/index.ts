/**
 * The sweep's own sentences in a locale (src/sweep/notes.ts): the adapters' labels, the
 * uncertainty a sweep or a backtest's sweep used, the Sobol warnings. English is the text the
 * sweep's JSON carries, unchanged.
 */
import { defineNamespace } from '../../translate.js';
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zh from './zh-Hans.json' with { type: 'json' };

export const sweepNotes = defineNamespace(
  'sweep-notes',
  { en, ru, 'zh-Hans': zh },
  { dynamic: ['adapter.'] },
);
