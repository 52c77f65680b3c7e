/** The human output of `concord token` (workspace tokens of the store). */
import { defineNamespace } from '../../translate.js';
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zh from './zh-Hans.json' with { type: 'json' };

export const cliStore = defineNamespace('cli-store', { en, ru, 'zh-Hans': zh });
