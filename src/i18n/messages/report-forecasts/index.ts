/** The report's words (report-forecasts): see src/report/i18n.ts. */
import { defineNamespace } from '../../translate.js';
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zh from './zh-Hans.json' with { type: 'json' };

export const reportForecasts = defineNamespace(
  'report-forecasts',
  { en, ru, 'zh-Hans': zh },
  { dynamic: ['model.', 'model-short.', 'baseline.', 'yardstick.name.'] },
);
