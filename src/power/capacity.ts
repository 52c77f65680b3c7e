/**
 * The capacity to decide across enlargements: for each membership stage of an organization (and a
 * hypothetical stage with added members), the passage probability — Coleman's "power of the
 * collectivity to act", the share of the 2^n coalitions of members that carry a decision — and
 * each member's blocking power — Coleman's power to prevent, the share of winning coalitions that
 * the member turns into losing ones by leaving — under the organization's own rule and under
 * comparison rules. Under consensus the passage probability is 1/2^n: it halves with every new
 * member, while every member keeps a veto (Coleman 1971; Felsenthal & Machover 1998, §3.2).
 * Pure: the organization, data set and rules come in; the EU reference files are loaded at the edge.
 */
import type { Dataset } from '../data/dataset.js';
import { ConcordError } from '../errors.js';
import { localizedShortName } from '../org/names.js';
import { decisionStages, ruleOn } from '../org/organization.js';
import { organizationPlayers } from '../org/players.js';
import type { Organization } from '../org/schema.js';
import { describeRule } from '../rules/evaluate.js';
import type { GameFile } from '../rules/game.js';
import { gameFromPlayers } from '../rules/game.js';
import type { Rule } from '../rules/schema.js';
import type { IsoDate } from '../util/dates.js';
import { type CoalitionalJson, gameCoalitional } from './owen.js';
import { computePower, type PowerOptions, type PowerResult } from './power.js';

export interface CapacityRule {
  readonly id: string;
  readonly label: string;
  readonly rule: Rule;
  /** The organization's own rule. */
  readonly own: boolean;
}

export interface RuleOutcome {
  readonly rule: string;
  readonly passageProbability: number;
  readonly passageProbabilityFraction: string | null;
  readonly winningCoalitions: string | null;
  readonly method: string;
  readonly algorithm: string;
  readonly players: ReadonlyArray<{
    id: string;
    /** Coleman's power to prevent. */
    blockingPower: number | null;
    penrose: number;
    shapleyShubik: number | null;
    veto: boolean;
  }>;
  /** With blocs (a priori unions): Owen, Banzhaf–Owen and each bloc's power in the quotient game. */
  readonly blocs?: CoalitionalJson | null;
}

export interface CapacityStage {
  readonly from: IsoDate;
  readonly to: IsoDate | null;
  readonly hypothetical: boolean;
  /** The id of the organization's rule period in force (docs/organizations.md), "default" without one. */
  readonly ruleId: string;
  readonly members: string[];
  readonly joined: string[];
  readonly left: string[];
  readonly dataYears: Record<string, number>;
  readonly notes: string[];
  readonly outcomes: RuleOutcome[];
}

export interface CapacityResult {
  readonly organization: { id: string; name: string; shortName: string };
  /**
   * `rule`: the rule itself beside its English `description`, for a reader to word it in another
   * language (null for the organization's own rule by date, which changes over the stages).
   */
  readonly rules: ReadonlyArray<{
    id: string;
    label: string;
    description: string;
    own: boolean;
    rule: Rule | null;
  }>;
  readonly stages: CapacityStage[];
}

/** The options of capacity() (parsed from flags or a request by capacityOptions, ./capacity-options.ts). */
export interface CapacityOptions {
  /** A hypothetical stage: the latest members plus these states. */
  readonly add?: readonly string[];
  /** The date of the hypothetical stage (its data year); the latest stage's date by default. */
  readonly at?: IsoDate;
  readonly budgets?: PowerOptions['budgets'];
  /** Blocs by member code; each is cut to its members present at a stage. */
  readonly unions?: ReadonlyArray<readonly string[]>;
}

export function capacity(
  org: Organization,
  ds: Dataset,
  rules: readonly CapacityRule[],
  opts: CapacityOptions = {},
): CapacityResult {
  if (opts.unions?.length) {
    const everyone = new Set([...decisionStages(org).flatMap((s) => s.members), ...(opts.add ?? [])]);
    opts.unions.forEach((u, k) => {
      const unknown = u.filter((m) => !everyone.has(m));
      if (unknown.length)
        throw new ConcordError(
          'E_USAGE',
          `unions[${k}]: ${unknown.join(', ')} ${unknown.length > 1 ? 'are' : 'is'} a member of ${org.shortName} at no stage`,
          {
            path: `unions[${k}]`,
            hint: `Name members: ${[...everyone].join(', ')}.`,
            key: 'power.capacity.noStageMember',
            values: {
              path: `unions[${k}]`,
              states: unknown.join(', '),
              count: unknown.length,
              org: localizedShortName(org),
              members: [...everyone].join(', '),
            },
          },
        );
    });
  }
  const st = decisionStages(org).filter((s) => s.members.length > 0);
  const plans = st.map((s, i) => ({
    from: s.from,
    to: s.to,
    add: [] as readonly string[],
    joined: i > 0 ? s.joined : [],
    left: s.left,
    hypothetical: false,
  }));
  if (opts.add?.length) {
    const last = st[st.length - 1]!;
    const at = opts.at && opts.at > last.from ? opts.at : last.from;
    plans.push({
      from: at,
      to: null,
      add: opts.add,
      joined: [],
      left: [],
      hypothetical: true,
    });
  }
  return {
    organization: { id: org.id, name: org.name, shortName: org.shortName },
    rules: rules.map((r) => ({
      id: r.id,
      label: r.label,
      description:
        r.own && org.rules.length
          ? `the rule in force at each stage: ${org.rules.map((x) => `${x.id} from ${x.from}`).join(', ')}`
          : describeRule(r.rule),
      own: r.own,
      rule: r.own && org.rules.length ? null : r.rule,
    })),
    stages: plans.map((p) => {
      const op = organizationPlayers(org, ds, p.from, p.add);
      const period = ruleOn(org, p.from);
      // The organization's own rule is the one in force at the stage (its `rules` over time).
      const ruleOf = (r: CapacityRule) => (r.own && org.rules.length ? period.rule : r.rule);
      const game = (rule: Rule) => ({
        name: `${org.shortName} ${p.from}`,
        players: op.players,
        rule,
        source: [],
        notes: [],
        literature: [],
      });
      return {
        from: p.from,
        to: p.to,
        hypothetical: p.hypothetical,
        ruleId: period.id,
        members: [...op.members, ...op.added],
        joined: p.hypothetical ? op.added : p.joined,
        left: p.left,
        dataYears: op.years,
        notes: op.notes,
        outcomes: rules.map((r) => {
          try {
            const o = outcome(
              r.id,
              computePower(game(ruleOf(r)), {
                basicOnly: true,
                ...(opts.budgets ? { budgets: opts.budgets } : {}),
              }),
            );
            if (!opts.unions?.length) return o;
            const ids = op.players.map((x) => x.id);
            const present = opts.unions.map((u) => u.filter((m) => ids.includes(m))).filter((u) => u.length);
            return {
              ...o,
              blocs: present.length ? gameCoalitional(op.players, ruleOf(r), present, 'unions') : null,
            };
          } catch (e) {
            // A quota above the stage's total (e.g. "at least 7 members" with 6): nothing passes.
            if (e instanceof ConcordError && e.message.includes('no coalition can win'))
              return impossible(
                r.id,
                op.players.map((x) => x.id),
                e.message,
              );
            // A field the country data lack for a member on that date: say which and why.
            const field =
              e instanceof ConcordError ? /unknown field "([^"]+)"/.exec(e.message)?.[1] : undefined;
            const why = field ? op.notes.find((n) => n.startsWith(`${field}:`)) : undefined;
            if (e instanceof ConcordError && why)
              throw new ConcordError(
                e.code,
                `${org.shortName} on ${p.from}, rule ${r.label}: ${e.message} (${why})`,
                {
                  path: e.path ?? 'rule',
                  hint: `The rule needs ${field} for every member; give a rule without it for this stage, or add the missing data.`,
                  cause: e,
                  key: 'power.capacity.ruleAtStage',
                  values: { org: localizedShortName(org), from: p.from, rule: r.label, why, field: field! },
                },
              );
            throw e;
          }
        }),
      };
    }),
  };
}

function impossible(rule: string, ids: readonly string[], why: string): RuleOutcome {
  return {
    rule,
    passageProbability: 0,
    passageProbabilityFraction: '0',
    winningCoalitions: '0',
    method: 'exact',
    algorithm: `none: ${why}`,
    players: ids.map((id) => ({ id, blockingPower: null, penrose: 0, shapleyShubik: null, veto: false })),
  };
}

function outcome(rule: string, p: PowerResult): RuleOutcome {
  return {
    rule,
    passageProbability: p.passageProbability,
    passageProbabilityFraction: p.passageProbabilityFraction,
    winningCoalitions: p.winningCoalitions,
    method: p.method,
    algorithm: p.algorithm,
    players: p.players.map((x) => ({
      id: x.id,
      blockingPower: x.colemanPrevent,
      penrose: x.penrose!,
      shapleyShubik: x.shapleyShubik,
      veto: x.veto,
    })),
  };
}

export interface ReferencePoint {
  readonly id: string;
  readonly name: string;
  readonly shortName: string;
  readonly players: number;
  readonly passageProbability: number;
  readonly passageProbabilityFraction: string | null;
  readonly literature: string | null;
  readonly literatureSource: string | null;
}

/** The EU Council reference band: passage probability of each built-in EU game file. */
export function referenceBand(files: ReadonlyArray<{ id: string; file: GameFile }>): ReferencePoint[] {
  return files.map(({ id, file }) => {
    const game = gameFromPlayers(file, id);
    const p = computePower(game, { basicOnly: true });
    const lit = game.literature.find((l) => l.quantity === 'passage probability');
    return {
      id,
      name: game.name,
      shortName: file.shortName ?? game.name,
      players: game.players.length,
      passageProbability: p.passageProbability,
      passageProbabilityFraction: p.passageProbabilityFraction,
      literature: lit ? String(lit.value) : null,
      literatureSource: lit?.source ?? null,
    };
  });
}

export const EU_REFERENCE_GAMES = ['eec-1958', 'eu27-nice', 'eu27-lisbon'] as const;
