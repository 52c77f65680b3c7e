/** The human output of `concord runs`, `registry`, `worker`, `serve` (its start-up lines) and `report` (its last line). */
import { defineNamespace } from '../../translate.js';
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zh from './zh-Hans.json' with { type: 'json' };

export const cliRuns = defineNamespace('cli-runs', { en, ru, 'zh-Hans': zh }, { dynamic: ['runs.field.'] });
