/** The report's words (report-charts): see src/report/i18n.ts. */
import { defineNamespace } from '../../translate.js';
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zh from './zh-Hans.json' with { type: 'json' };

export const reportCharts = defineNamespace(
  'report-charts',
  { en, ru, 'zh-Hans': zh },
  { dynamic: ['status.', 'rule.'] },
);
