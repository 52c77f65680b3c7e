/** `concord report` (= `npm start`): the terminal summary and the self-contained HTML report. */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { loadDefaultClaims, parseClaims } from '../../claims/load.js';
import { loadDataset, packageVersion } from '../../data/load.js';
import { loadWorldTopology } from '../../data/topology.js';
import { ConcordError } from '../../errors.js';
import { cliRuns } from '../../i18n/messages/cli-runs/index.js';
import { openOrganization } from '../../org/load.js';
import { localizedShortName } from '../../org/names.js';
import type { ReportContext } from '../../report/report.js';
import { renderReport } from '../../report/report.js';
import { SECTIONS } from '../../report/sections/index.js';
import { parseDate, todayIso } from '../../util/dates.js';
import { readUserFile } from '../../util/files.js';
import { cliText } from '../i18n.js';
import { type CliIO, localeOf } from '../io.js';

export function register(program: Command, io: CliIO): void {
  program
    .command('report')
    .description('write the HTML report (default out/sco-report.html) and print its summary')
    .option('--org <org>', 'organization id or the path of an organization file', 'sco')
    .option('--at <date>', 'the date of the report, YYYY-MM-DD (default: today)')
    .option('--out <file>', 'where to write the HTML (default: out/<org>-report.html)')
    .option('--claims <file>', 'a claims file to check (default: the seed paper)')
    .option(
      '--sections <ids>',
      `comma-separated section ids to include (default: all that have content): ${SECTIONS.map((x) => x.id).join(', ')}`,
    )
    .action(async (opts: { org: string; at?: string; out?: string; claims?: string; sections?: string }) => {
      // The report's language (issue 16): the global --lang, else CONCORD_LANG, else English.
      const locale = localeOf(io);
      const { org, registry } = openOrganization(opts.org, io.cwd);
      const date = parseDate(opts.at ?? todayIso(), '--at');
      const claims = opts.claims
        ? parseClaims(readUserFile(opts.claims, io.cwd, 'claims file'), opts.claims)
        : loadDefaultClaims();
      const ids = SECTIONS.map((x) => x.id);
      const wanted = opts.sections
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (wanted) {
        const unknown = wanted.filter((w) => !ids.includes(w));
        if (unknown.length || !wanted.length) {
          throw new ConcordError(
            'E_USAGE',
            `--sections: ${unknown.length ? `unknown section${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}` : 'no section given'}`,
            {
              path: '--sections',
              hint: `Valid sections: ${ids.join(', ')}.`,
              key: 'cli.report.unknownSections',
              values: {
                count: unknown.length,
                list: unknown.map((u) => `"${u}"`).join(', '),
                ids: ids.join(', '),
              },
            },
          );
        }
      }
      const ctx: ReportContext = {
        ds: loadDataset(),
        registry,
        orgId: org.id,
        date,
        topology: loadWorldTopology(),
        claims,
        claimsGiven: opts.claims !== undefined,
        version: packageVersion(),
        generatedAt: `${new Date().toISOString().slice(0, 19).replace('T', ' ')} UTC`,
        locale,
      };
      const sections = wanted ? SECTIONS.filter((s) => wanted.includes(s.id)) : SECTIONS;
      if (wanted) {
        const empty = sections.filter((s) => s.applies && !s.applies(ctx)).map((s) => s.id);
        if (empty.length) {
          const have = SECTIONS.filter((s) => !s.applies || s.applies(ctx)).map((s) => s.id);
          throw new ConcordError(
            'E_USAGE',
            `--sections: ${empty.join(', ')} ${empty.length > 1 ? 'have' : 'has'} no content for ${org.shortName}`,
            {
              path: '--sections',
              hint: `Sections with content for ${org.shortName}: ${have.join(', ')} (claims need a claims file naming it, forecasts and sweeps its own cases in scenarios/${org.id}/).`,
              key: 'cli.report.emptySections',
              values: {
                list: empty.join(', '),
                count: empty.length,
                org: localizedShortName(org),
                have: have.join(', '),
                id: org.id,
              },
            },
          );
        }
      }
      const started = Date.now();
      const report = await renderReport(sections, ctx);
      const out = resolve(io.cwd, opts.out ?? `out/${org.id}-report.html`);
      mkdirSync(dirname(out), { recursive: true });
      // Written whole or not at all: a temporary file beside the report, renamed over it, so a
      // failed or interrupted run never leaves a truncated report in the place of the last one.
      const tmp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
      try {
        writeFileSync(tmp, report.html);
        renameSync(tmp, out);
      } catch (e) {
        rmSync(tmp, { force: true });
        throw new ConcordError(
          'E_FILE_UNREADABLE',
          `cannot write ${relative(io.cwd, out) || out}: ${(e as Error).message}`,
          {
            path: '--out',
            hint: 'Check that the directory is writable, or give another --out.',
            cause: e,
            key: 'cli.report.cannotWrite',
            values: { file: relative(io.cwd, out) || out, reason: (e as Error).message },
          },
        );
      }
      // TODO(report sections): each section's summary lines in the locale (their head and titles are).
      io.out(report.summary);
      const c = cliText(io, cliRuns);
      const kib = Math.round(report.html.length / 1024);
      const ms = Date.now() - started;
      io.out(
        `\n${c.t('report.wrote', {
          file: relative(io.cwd, out) || out,
          kib: c.locale === 'en' ? (report.html.length / 1024).toFixed(0) : c.fmt.number(kib, 0),
          count: report.sections.length,
          ms: c.locale === 'en' ? String(ms) : c.fmt.number(ms, 0),
        })}`,
      );
    });
}
