/** `concord claims [FILE] [--json]`: check a paper's quantitative claims against the data. */
import type { Command } from 'commander';
import { type ClaimsReport, checkClaims } from '../../claims/check.js';
import { DEFAULT_CLAIMS, loadDefaultClaims, parseClaims } from '../../claims/load.js';
import { loadDataset } from '../../data/load.js';
import { cli } from '../../i18n/messages/cli/index.js';
import { loadOrganizations } from '../../org/load.js';
import { readUserFile } from '../../util/files.js';
import { json, pct, table } from '../../util/format.js';
import { type CliText, cliText, type NamespaceKeys } from '../i18n.js';
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
      if (opts.json) {
        io.out(json(checkClaims(claims, loadOrganizations(), loadDataset())));
        return;
      }
      // the explanations in the --lang locale (JSON keeps the English)
      const c = cliText(io, cli);
      io.out(formatClaims(checkClaims(claims, loadOrganizations(), loadDataset(), c.locale), c));
    });
}

/** The claims report as text in the locale of `c` (the explanations as `checkClaims` gave them: call it with the same locale). */
export function formatClaims(r: ClaimsReport, c: CliText<NamespaceKeys<typeof cli>>): string {
  const { t } = c;
  const pctIn = (x: number, digits: number) =>
    c.locale === 'en' ? pct(x, digits) : c.fmt.percent(x, digits);
  const lines = [t('claims.title', { document: r.document.replace(/\s+/g, ' ') }), ''];
  lines.push(
    table(
      [
        t('claims.col.claim'),
        t('claims.col.verdict'),
        t('claims.col.deviation'),
        t('claims.col.year'),
        t('claims.col.explanation'),
      ],
      r.claims.map((x) => [
        x.id,
        c.t.has(`verdict.${x.verdict}`) ? t(`verdict.${x.verdict}` as never) : x.verdict,
        x.deviation === null ? '–' : `${x.deviation >= 0 ? '+' : ''}${c.pct(x.deviation)}`,
        x.year === null ? '–' : String(x.year),
        x.explanation,
      ]),
    ),
  );
  lines.push(
    '',
    t('claims.rule', { approx: pctIn(r.tolerance.approximately, 0), holds: pctIn(r.tolerance.holds, 0) }),
  );
  return lines.join('\n');
}
