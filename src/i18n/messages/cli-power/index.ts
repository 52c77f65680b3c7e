/** The human output of `concord capacity`, `power` (and its `--unions` tables). */
import { defineNamespace } from '../../translate.js';
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zh from './zh-Hans.json' with { type: 'json' };

export const cliPower = defineNamespace(
  'cli-power',
  { en, ru, 'zh-Hans': zh },
  { dynamic: ['index.', 'long.'] },
);
