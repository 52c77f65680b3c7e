/** The human output of `concord balance` and `concord alignment` (balance of power, UN General Assembly alignment). */
import { defineNamespace } from '../../translate.js';
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zh from './zh-Hans.json' with { type: 'json' };

export const cliAnalysis = defineNamespace(
  'cli-analysis',
  { en, ru, 'zh-Hans': zh },
  { dynamic: ['al.measure.', 'al.topic.'] },
);
