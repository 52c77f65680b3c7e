/** The lab's quota panel on the Decision page: power against the quota of a weighted game. */
import { defineNamespace } from '../../translate.js';
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zh from './zh-Hans.json' with { type: 'json' };

export const labQuota = defineNamespace(
  'lab-quota',
  { en, ru, 'zh-Hans': zh },
  { dynamic: ['game.', 'index.'] },
);
