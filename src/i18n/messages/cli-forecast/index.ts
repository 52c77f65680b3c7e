/**
 * The human output of `concord forecast` (src/cli/commands/forecast.ts) and of the exchange model's
 * rounds (src/cli/commands/exchange-rounds.ts). Model, baseline and yardstick names come from
 * `report-forecasts`, the SMP's turns from `smp`, the exchange model's repetitions from `exchange`.
 */
import { defineNamespace } from '../../translate.js';
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zh from './zh-Hans.json' with { type: 'json' };

export const cliForecast = defineNamespace('cli-forecast', { en, ru, 'zh-Hans': zh });
