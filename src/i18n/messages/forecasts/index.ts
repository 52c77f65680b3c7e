/** The report's forecast-validity pieces (issue 11): the calibration of the adoption probabilities. */
import { defineNamespace } from '../../translate.js';
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zh from './zh-Hans.json' with { type: 'json' };

export const forecasts = defineNamespace('forecasts', { en, ru, 'zh-Hans': zh });
