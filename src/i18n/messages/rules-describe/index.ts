/**
 * Decision rules in words (src/rules/evaluate.ts's `describeRule(rule, locale)`): unanimity,
 * consensus minus named members, counts and shares of members, weighted sums (votes, population),
 * and rules nested with and/or. English is the `description` of the JSON outputs, unchanged.
 */
import { defineNamespace } from '../../translate.js';
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zh from './zh-Hans.json' with { type: 'json' };

export const rulesDescribe = defineNamespace(
  'rules-describe',
  { en, ru, 'zh-Hans': zh },
  { dynamic: ['field.', 'field-of.'] },
);
