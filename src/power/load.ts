/**
 * Node-side helpers for the capacity analysis, shared by `concord capacity` and the report: the
 * comparison rules read from names, files or inline YAML, and the EU reference band loaded from the
 * built-in game files.
 */
import type { Organization } from '../org/schema.js';
import { describeRule } from '../rules/evaluate.js';
import { loadBuiltinGameFile, NAMED_RULES, readRule } from '../rules/load.js';
import { type CapacityRule, EU_REFERENCE_GAMES, type ReferencePoint, referenceBand } from './capacity.js';

export function comparisonRules(
  own: CapacityRule['rule'] | Organization,
  specs: readonly string[],
  cwd: string,
): CapacityRule[] {
  const org = typeof own === 'object' && 'memberships' in own ? own : null;
  const rule = org ? org.rule : (own as CapacityRule['rule']);
  const ownRule: CapacityRule = {
    id: 'own',
    label: org?.rules.length
      ? 'own rule by date'
      : `${describeRule(rule).replace(' (unanimity)', '')} (own rule)`,
    rule,
    own: true,
  };
  return [
    ownRule,
    ...specs.map((s, i) => {
      const r = readRule(s, cwd, `--rule[${i}]`);
      return { id: NAMED_RULES[s] ? s : `rule-${i + 1}`, label: r.label, rule: r.rule, own: false };
    }),
  ];
}

export function loadReferenceBand(): ReferencePoint[] {
  return referenceBand(EU_REFERENCE_GAMES.map((id) => ({ id, file: loadBuiltinGameFile(id) })));
}

/** "1/64 = 1.56%" when the fraction is short, else the percentage. */
export function passageCell(p: number, fraction: string | null): string {
  const pct = `${(p * 100).toFixed(p < 0.01 ? 3 : 2)}%`;
  return fraction && fraction.length <= 12 ? `${fraction} = ${pct}` : pct;
}
