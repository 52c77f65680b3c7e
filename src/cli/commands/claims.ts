/** `concord claims [FILE] [--json]`: check a paper's quantitative claims against the data. */
import type { Command } from 'commander';
import { type ClaimsReport, checkClaims } from '../../claims/check.js';
import { DEFAULT_CLAIMS, loadDefaultClaims, parseClaims } from '../../claims/load.js';
import { loadDataset } from '../../data/load.js';
import { loadOrganizations } from '../../org/load.js';
import { readUserFile } from '../../util/files.js';
import { json, pct, table } from '../../util/format.js';
import type { CliIO } from '../io.js';

export function register(program: Command, io: CliIO): void {
  program
    .command('claims')
    .description(
      `check a paper's quantitative claims against the data (default: the seed paper, ${DEFAULT_CLAIMS})`,
    )
    .argument('[file]', 'a claims file (YAML or JSON); see docs/claims.md')
    .option('--json', 'print JSON')
    .action((file: string | undefined, opts: { json?: boolean }) => {
      const claims = file
        ? parseClaims(readUserFile(file, io.cwd, 'claims file'), file)
        : loadDefaultClaims();
      const report = checkClaims(claims, loadOrganizations(), loadDataset());
      io.out(opts.json ? json(report) : formatClaims(report));
    });
}

export function formatClaims(r: ClaimsReport): string {
  const lines = [`Claims of ${r.document.replace(/\s+/g, ' ')}`, ''];
  lines.push(
    table(
      ['claim', 'verdict', 'deviation', 'year', 'explanation'],
      r.claims.map((c) => [
        c.id,
        c.verdict,
        c.deviation === null ? '–' : `${c.deviation >= 0 ? '+' : ''}${pct(c.deviation)}`,
        c.year === null ? '–' : String(c.year),
        c.explanation,
      ]),
    ),
  );
  lines.push(
    '',
    `Rule: a threshold claim holds if met, approximately if it misses by ≤ ${pct(r.tolerance.approximately, 0)}; an "about" claim holds within ±${pct(r.tolerance.holds, 0)}, approximately within ±${pct(r.tolerance.approximately, 0)}; a count holds only if exact.`,
  );
  return lines.join('\n');
}
