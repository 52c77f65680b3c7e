/** What `concord sweep` says around the summary (src/cli/commands/sweep.ts); the summary is `sweep-summary`. */
import { defineNamespace } from '../../translate.js';
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zh from './zh-Hans.json' with { type: 'json' };

export const cliSweep = defineNamespace('cli-sweep', { en, ru, 'zh-Hans': zh });
