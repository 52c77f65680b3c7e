/**
 * The a priori unions part of `concord power --unions`: the coalitional values merged into the
 * JSON players, and their tables (players, then the blocs in the quotient game).
 */

import type { cliPower } from '../../i18n/messages/cli-power/index.js';
import { type CoalitionalJson, gameCoalitional } from '../../power/owen.js';
import type { PowerResult } from '../../power/power.js';
import type { Game } from '../../rules/game.js';
import { table } from '../../util/format.js';
import type { CliText, NamespaceKeys } from '../i18n.js';

/** The unions of `--unions` or of the game file, or null when neither gives any. */
export function blocsOf(game: Game, spec: string | undefined): CoalitionalJson | null {
  if (spec !== undefined) return gameCoalitional(game.players, game.rule, spec, '--unions');
  if (game.unions?.length) return gameCoalitional(game.players, game.rule, game.unions, 'unions');
  return null;
}

export function withBlocs(r: PowerResult, b: CoalitionalJson) {
  return {
    ...r,
    players: r.players.map((p, i) => {
      const c = b.players[i]!;
      return {
        ...p,
        union: c.union,
        owen: c.owen,
        banzhafOwen: c.banzhafOwen,
        banzhafOwenNormalized: c.banzhafOwenNormalized,
        symmetricCoalitionalBanzhaf: c.symmetricCoalitionalBanzhaf,
        fractions: p.fractions ? { ...p.fractions, ...c.fractions } : p.fractions,
      };
    }),
    unions: b.unions,
    quotientWinningCoalitions: b.quotientWinningCoalitions,
  };
}

/** The unions' tables in the locale of `c`. */
export function formatBlocs(b: CoalitionalJson, c: CliText<NamespaceKeys<typeof cliPower>>): string {
  const { t } = c;
  const f4 = (x: number) => c.fixed(x, 4);
  const lines: string[] = [];
  const label = (k: number) => {
    const u = b.unions[k]!;
    return u.members.length > 1 ? `U${k + 1}` : '–';
  };
  lines.push('', t('blocs.title'));
  lines.push(
    table(
      [
        t('power.col.player'),
        t('blocs.col.union'),
        t('blocs.col.owen'),
        t('blocs.col.bzOwen'),
        t('blocs.col.bzOwenNorm'),
        t('blocs.col.symCoalBz'),
      ],
      b.players.map((p) => [
        p.id,
        label(p.union),
        f4(p.owen),
        f4(p.banzhafOwen),
        f4(p.banzhafOwenNormalized),
        f4(p.symmetricCoalitionalBanzhaf),
      ]),
    ),
  );
  lines.push('', t('blocs.quotient', { count: String(b.quotientWinningCoalitions) }));
  lines.push(
    table(
      [
        t('blocs.col.union'),
        t('blocs.col.members'),
        t('index.shapleyShubik'),
        t('index.penrose'),
        t('index.banzhaf'),
        t('power.col.veto'),
      ],
      b.unions
        .filter((u) => u.members.length > 1)
        .map((u) => [
          `U${u.union + 1}`,
          u.members.join(','),
          f4(u.shapleyShubik),
          f4(u.penrose),
          f4(u.banzhaf),
          u.veto ? t('power.yes') : t('power.no'),
        ]),
    ),
  );
  return lines.join('\n');
}
