/** The human output of `concord design` (weights for a target) and `concord quota` (power against the quota). */
import { defineNamespace } from '../../translate.js';
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zh from './zh-Hans.json' with { type: 'json' };

export const cliDesign = defineNamespace('cli-design', { en, ru, 'zh-Hans': zh });
