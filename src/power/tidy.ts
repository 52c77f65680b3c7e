/**
 * Tidy CSV of voting power and of the capacity to decide (`concord power|capacity --format csv`,
 * the API's `?format=csv`): long form, one observation per row (docs/interop.md).
 *
 * power:    game, player, measure, value, fraction — a row per player and index (penrose,
 *           banzhaf, shapley_shubik, …, veto as 1/0), and the game's own measures with an empty
 *           player (passage_probability, winning_coalitions, minimal_winning_coalitions,
 *           total_coalitions).
 * capacity: organization, stage_from, stage_to, hypothetical, rule_period, rule, rule_label,
 *           member, measure, value — per stage and rule the passage probability (empty member),
 *           and per member its blocking power (Coleman's power to prevent), Penrose index,
 *           Shapley–Shubik index and veto (1/0).
 */
import { type CsvValue, toCsv } from '../util/csv.js';
import type { CapacityResult, ReferencePoint } from './capacity.js';
import type { PowerResult } from './power.js';

export const POWER_CSV_COLUMNS = ['game', 'player', 'measure', 'value', 'fraction'] as const;

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const numberOrNull = (s: string | null) => (s === null ? null : Number(s));

/** Player fields that are not indices. */
const NOT_INDICES = new Set(['id', 'name', 'fractions', 'ci', 'swings', 'minimalWinning']);

export function powerCsv(r: PowerResult): string {
  const game = r.game.name;
  const rows: Array<Record<string, CsvValue>> = [
    {
      game,
      measure: 'passage_probability',
      value: r.passageProbability,
      fraction: r.passageProbabilityFraction,
    },
    { game, measure: 'winning_coalitions', value: numberOrNull(r.winningCoalitions) },
    { game, measure: 'minimal_winning_coalitions', value: numberOrNull(r.minimalWinningCoalitions) },
    { game, measure: 'total_coalitions', value: numberOrNull(r.totalCoalitions) },
  ];
  for (const p of r.players) {
    for (const [k, v] of Object.entries(p)) {
      if (NOT_INDICES.has(k)) continue;
      if (typeof v !== 'number' && typeof v !== 'boolean' && v !== null) continue;
      rows.push({
        game,
        player: p.id,
        measure: snake(k),
        value: typeof v === 'boolean' ? (v ? 1 : 0) : v,
        fraction: p.fractions?.[k] ?? null,
      });
    }
    rows.push({ game, player: p.id, measure: 'swings', value: numberOrNull(p.swings) });
    rows.push({ game, player: p.id, measure: 'minimal_winning', value: numberOrNull(p.minimalWinning) });
  }
  return toCsv(POWER_CSV_COLUMNS, rows);
}

export const CAPACITY_CSV_COLUMNS = [
  'organization',
  'stage_from',
  'stage_to',
  'hypothetical',
  'rule_period',
  'rule',
  'rule_label',
  'members',
  'member',
  'measure',
  'value',
] as const;

export function capacityCsv(r: CapacityResult & { euReference?: readonly ReferencePoint[] }): string {
  const label = new Map(r.rules.map((x) => [x.id, x.label]));
  const rows: Array<Record<string, CsvValue>> = [];
  for (const s of r.stages) {
    const base = {
      organization: r.organization.id,
      stage_from: s.from,
      stage_to: s.to,
      hypothetical: s.hypothetical ? 1 : 0,
      rule_period: s.ruleId,
      members: s.members.length,
    };
    for (const o of s.outcomes) {
      const rule = { ...base, rule: o.rule, rule_label: label.get(o.rule) ?? o.rule };
      rows.push({ ...rule, measure: 'passage_probability', value: o.passageProbability });
      for (const p of o.players) {
        rows.push({ ...rule, member: p.id, measure: 'blocking_power', value: p.blockingPower });
        rows.push({ ...rule, member: p.id, measure: 'penrose', value: p.penrose });
        rows.push({ ...rule, member: p.id, measure: 'shapley_shubik', value: p.shapleyShubik });
        rows.push({ ...rule, member: p.id, measure: 'veto', value: p.veto ? 1 : 0 });
      }
    }
  }
  for (const b of r.euReference ?? []) {
    rows.push({
      organization: b.id,
      rule: 'eu-reference',
      rule_label: b.shortName,
      members: b.players,
      measure: 'passage_probability',
      value: b.passageProbability,
    });
  }
  return toCsv(CAPACITY_CSV_COLUMNS, rows);
}
