/** The lab's Decision page: decision rules side by side, passage probability and blocking power by stage. */
import { defineNamespace } from '../../translate.js';
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zh from './zh-Hans.json' with { type: 'json' };

export const labDecision = defineNamespace(
  'lab-decision',
  { en, ru, 'zh-Hans': zh },
  { dynamic: ['rule.', 'ruleDesc.'] },
);
