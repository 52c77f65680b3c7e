/**
 * A game file: players with numeric fields and a decision rule, or an organization on a date whose
 * members become the players, their fields taken from the country data (see ./players.ts).
 *
 *   name: EEC Council of Ministers, 1958
 *   source: Treaty establishing the EEC (1957), Art. 148(2)
 *   players:
 *     - { id: FRA, votes: 4 }
 *     - …
 *   rule: { sum: votes, atLeast: 12 }
 *
 *   organization: sco          # instead of players
 *   at: 2024-07-04
 *   add: [TKM]                 # optional: hypothetical members
 *   rule: { all: [{ count: { moreThanShare: 0.5 } }, { sum: population, moreThanShare: 0.5 }] }
 *
 * Pure: parsing and checking only (the Node loader is ./load.ts).
 */
import { z } from 'zod';
import { IsoDateSchema } from '../util/dates.js';
import { parseAndValidate, validate } from '../util/validate.js';
import type { Player } from './evaluate.js';
import { type Rule, RuleSchema } from './schema.js';

export const PlayerSchema = z
  .object({
    id: z.string().min(1).max(64).describe('A unique id, e.g. an ISO3 code'),
    name: z.string().optional().describe('A display name'),
  })
  .catchall(
    z
      .number()
      .finite()
      .min(0, 'weights must be non-negative')
      .describe('A numeric attribute (votes, population…), finite and non-negative'),
  )
  .describe('A player: an id and numeric fields');

const Iso3 = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 3166-1 alpha-3 code such as CHN');

export const GameFileSchema = z
  .object({
    name: z.string().min(1).optional(),
    shortName: z.string().min(1).optional().describe('A short label for tables and charts'),
    description: z.string().optional(),
    source: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .describe('Where the weights and rule come from'),
    notes: z.array(z.string()).optional(),
    players: z.array(PlayerSchema).min(1, 'a game needs at least one player').max(100_000).optional(),
    organization: z
      .string()
      .min(1)
      .optional()
      .describe('An organization id: its members on `at` are the players'),
    at: IsoDateSchema.optional().describe('The date for `organization` (default: today)'),
    add: z.array(Iso3).optional().describe('Hypothetical members added to the organization'),
    rule: RuleSchema.optional().describe("The decision rule (default: the organization's own rule)"),
    unions: z
      .array(z.array(z.string().min(1)).min(1))
      .optional()
      .describe(
        'A priori unions (blocs) of player ids, e.g. [[KAZ, KGZ, TJK, UZB], [CHN, RUS]]; the rest singletons',
      ),
    /** Values from the literature, for documentation and tests: not used in computations. */
    literature: z
      .array(
        z
          .object({
            quantity: z.string(),
            value: z.union([z.number(), z.string()]),
            source: z.string(),
          })
          .strict(),
      )
      .optional(),
  })
  .strict()
  .superRefine((g, ctx) => {
    if (!g.players === !g.organization) {
      ctx.addIssue({
        code: 'custom',
        path: g.players ? ['organization'] : ['players'],
        message: 'give either `players` or `organization` (with `at`), not both or neither',
      });
    }
    if (g.players && !g.rule)
      ctx.addIssue({ code: 'custom', path: ['rule'], message: 'a game with players needs a rule' });
    if (g.players && (g.at || g.add))
      ctx.addIssue({
        code: 'custom',
        path: [g.at ? 'at' : 'add'],
        message: '`at` and `add` go with `organization`',
      });
    const seen = new Map<string, number>();
    g.players?.forEach((p, i) => {
      if (seen.has(p.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['players', i, 'id'],
          message: `duplicate id "${p.id}" (also players[${seen.get(p.id)}])`,
        });
      }
      seen.set(p.id, i);
    });
  })
  .describe('A voting game: players with numeric fields and a decision rule');

export type GameFile = z.infer<typeof GameFileSchema>;

/** A game ready for the power algorithms. */
export interface Game {
  readonly name: string;
  readonly players: readonly Player[];
  readonly rule: Rule;
  readonly source: readonly string[];
  /** Where the players' fields come from (years of the data), caveats. */
  readonly notes: readonly string[];
  readonly literature: NonNullable<GameFile['literature']>;
  /** A priori unions (blocs) of player ids, when the game declares them. */
  readonly unions?: ReadonlyArray<readonly string[]>;
}

export function parseGameFile(text: string, file: string): GameFile {
  return parseAndValidate(GameFileSchema, 'game', text, file, quickGameFile);
}

/**
 * GameFileSchema's output for a game file whose players are all plain `{ id, name?, numeric
 * fields }` objects it accepts, the players checked by hand (zod takes ≈5 ms over the 193 players of
 * the benchmark's game, at start-up) and the rest of the file by the schema (interpreted: small),
 * with one player in place of them; undefined when anything is not so (the whole file is then validated by the schema,
 * which gives its errors).
 */
function quickGameFile(data: unknown, where: string): GameFile | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const players = plainPlayers((data as { players?: unknown }).players);
  if (players === undefined) return undefined;
  try {
    const rest = validate(GameFileSchema, { ...data, players: [players[0]] }, where, { jitless: true });
    return { ...rest, players };
  } catch {
    return undefined;
  }
}

/**
 * PlayerSchema's output for each player (a new object: the id, the name, then the numeric fields in
 * the file's order), when the list is one GameFileSchema accepts and no id repeats; else undefined.
 */
function plainPlayers(list: unknown): GameFile['players'] {
  if (!Array.isArray(list) || list.length < 1 || list.length > 100_000) return undefined;
  const out: NonNullable<GameFile['players']> = [];
  const ids = new Set<string>();
  for (const p of list) {
    if (p === null || typeof p !== 'object' || Object.getPrototypeOf(p) !== Object.prototype)
      return undefined;
    const { id, name } = p as { id?: unknown; name?: unknown };
    if (typeof id !== 'string' || id.length < 1 || id.length > 64 || ids.has(id)) return undefined;
    ids.add(id);
    const q: Record<string, unknown> = { id };
    if ('name' in p) {
      if (typeof name !== 'string') return undefined;
      q.name = name;
    }
    for (const k of Object.keys(p)) {
      if (k === 'id' || k === 'name') continue;
      const v = (p as Record<string, unknown>)[k];
      if (k === '__proto__' || typeof v !== 'number' || !Number.isFinite(v) || v < 0) return undefined;
      q[k] = v;
    }
    out.push(q as NonNullable<GameFile['players']>[number]);
  }
  return out;
}

/** A game from a file that lists its players. */
export function gameFromPlayers(g: GameFile, fallbackName: string): Game {
  return {
    name: g.name ?? fallbackName,
    players: g.players as Player[],
    rule: g.rule!,
    source: typeof g.source === 'string' ? [g.source] : (g.source ?? []),
    notes: g.notes ?? [],
    literature: g.literature ?? [],
    ...(g.unions ? { unions: g.unions } : {}),
  };
}
