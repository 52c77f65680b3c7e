/**
 * Labels of the reform explorer's rules and constraints in the reader's language, from the rule's
 * make-up (`parts` of src/power/reform.ts) and the `reform` catalogue. Pure, browser-safe: the lab
 * and the report use it; the JSON output keeps the English `label`.
 */

import type { reform } from '../i18n/messages/reform/index.js';
import type { Translate } from '../i18n/translate.js';
import type { ReformRuleResult } from './reform.js';

type T = Translate<NonNullable<(typeof reform)['__keys']>>;

export function reformRuleLabel(t: T, parts: ReformRuleResult['parts']): string {
  const b = parts.base;
  let label =
    b.kind === 'consensus'
      ? t('rule.consensus')
      : b.kind === 'minus'
        ? t('rule.minus', { k: String(b.k) })
        : b.kind === 'members'
          ? t('rule.members', { share: b.share })
          : t('rule.double', { members: b.members, weight: b.weight, field: b.field });
  if (parts.optOut) label = t('rule.optOut', { rule: label });
  if (parts.bloc && parts.blocForm === 'vetoes')
    label = t('rule.vetoes', { rule: label, bloc: parts.bloc.join(', ') });
  if (parts.bloc && parts.blocForm === 'consent')
    label = t('rule.consent', { rule: label, bloc: parts.bloc.join(', ') });
  return label;
}
