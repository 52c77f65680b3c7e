/** What a long computation will cost, told on standard error before it starts (src/cli/estimate.ts). */
import { defineNamespace } from '../../translate.js';
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zh from './zh-Hans.json' with { type: 'json' };

export const cliEstimate = defineNamespace('cli-estimate', { en, ru, 'zh-Hans': zh });
