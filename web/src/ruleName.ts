/** The names of the decision rules the API gives in English, in the lab's language (namespace lab-decision). */
import type { labDecision } from '../../src/i18n/messages/lab-decision/index.js';
import type { Namespace, Translate } from '../../src/i18n/translate.js';

export const CONSENSUS = 'consensus (unanimity)';
export type DecisionT = typeof labDecision extends Namespace<infer K> ? Translate<K> : never;

/** A rule's name in the reader's language: the named rules from the catalogue, the own rule as "… (own rule)". */
export function ruleLabel(t: DecisionT, x: { id: string; label: string }): string {
  const own = / \(own rule\)$/.exec(x.label);
  if (own) {
    const base = x.label.slice(0, own.index);
    return t('rule.own', { rule: base === 'consensus' ? t('rule.consensus') : base });
  }
  return t.or(`rule.${x.id}`, x.label);
}
