/**
 * The balance of power's sentences (src/balance/describe.ts in Russian and Chinese: what each stage
 * changed, the series in one sentence, the data-year notes) and the yardsticks' words and caveats.
 * English keeps describe.ts's own code (its JSON text); these English messages mirror it.
 */
import { defineNamespace } from '../../translate.js';
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zh from './zh-Hans.json' with { type: 'json' };

export const balanceMessages = defineNamespace(
  'balance',
  { en, ru, 'zh-Hans': zh },
  { dynamic: ['noun.', 'name.', 'caveat.', 'share.', 'con.'] },
);
