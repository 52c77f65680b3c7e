/**
 * The human output of `concord backtest` (src/cli/commands/backtest.ts). Model names come from
 * `report-forecasts`, baseline names from `forecasts`, the subsets' descriptions from `explain`
 * (`subsetDescriptionIn`).
 */
import { defineNamespace } from '../../translate.js';
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zh from './zh-Hans.json' with { type: 'json' };

export const cliBacktest = defineNamespace('cli-backtest', { en, ru, 'zh-Hans': zh });
