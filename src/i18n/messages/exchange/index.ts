/** The exchange model's repetitions in `concord forecast` (src/cli/commands/exchange-rounds.ts). */
import { defineNamespace } from '../../translate.js';
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zh from './zh-Hans.json' with { type: 'json' };

export const exchange = defineNamespace('exchange', { en, ru, 'zh-Hans': zh });
