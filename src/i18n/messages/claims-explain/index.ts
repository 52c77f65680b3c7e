/**
 * The claim check's explanations (src/claims/check.ts's `checkClaims(…, locale)`): what the paper
 * claims, what the data give, and for the nuclear-weapon states whether the paper's list is right.
 * English is the `explanation` of `concord claims --json` and `/api/claims`, unchanged.
 */
import { defineNamespace } from '../../translate.js';
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zh from './zh-Hans.json' with { type: 'json' };

export const claimsExplain = defineNamespace(
  'claims-explain',
  { en, ru, 'zh-Hans': zh },
  { dynamic: ['measure.'] },
);
