/** The human output of the CLI's smaller commands (`claims`, …); org and country output is in cli-org. */
import { defineNamespace } from '../../translate.js';
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zh from './zh-Hans.json' with { type: 'json' };

export const cli = defineNamespace('cli', { en, ru, 'zh-Hans': zh }, { dynamic: ['verdict.'] });
