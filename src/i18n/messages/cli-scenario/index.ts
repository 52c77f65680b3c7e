/** The human output of `concord reliability` (coder agreement on the scenarios' positions). */
import { defineNamespace } from '../../translate.js';
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zh from './zh-Hans.json' with { type: 'json' };

export const cliScenario = defineNamespace('cli-scenario', { en, ru, 'zh-Hans': zh });
