/** `concord report` (= `npm start`): the terminal summary and the self-contained HTML report. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { loadDefaultClaims, parseClaims } from '../../claims/load.js';
import { loadDataset, packageVersion } from '../../data/load.js';
import { loadWorldTopology } from '../../data/topology.js';
import { loadOrganizations } from '../../org/load.js';
import { renderReport } from '../../report/report.js';
import { SECTIONS } from '../../report/sections/index.js';
import { parseDate, todayIso } from '../../util/dates.js';
import { readUserFile } from '../../util/files.js';
import type { CliIO } from '../io.js';

export function register(program: Command, io: CliIO): void {
  program
    .command('report')
    .description('write the HTML report (default out/sco-report.html) and print its summary')
    .option('--org <id>', 'organization', 'sco')
    .option('--at <date>', 'the date of the report, YYYY-MM-DD (default: today)')
    .option('--out <file>', 'where to write the HTML (default: out/<org>-report.html)')
    .option('--claims <file>', 'a claims file to check (default: the seed paper)')
    .option('--sections <ids>', 'comma-separated section ids to include (default: all)')
    .action(async (opts: { org: string; at?: string; out?: string; claims?: string; sections?: string }) => {
      const registry = loadOrganizations();
      const org = registry.get(opts.org);
      const date = parseDate(opts.at ?? todayIso(), '--at');
      const claims = opts.claims
        ? parseClaims(readUserFile(opts.claims, io.cwd, 'claims file'), opts.claims)
        : loadDefaultClaims();
      const wanted = opts.sections?.split(',').map((s) => s.trim());
      const sections = wanted ? SECTIONS.filter((s) => wanted.includes(s.id)) : SECTIONS;
      const started = Date.now();
      const report = await renderReport(sections, {
        ds: loadDataset(),
        registry,
        orgId: org.id,
        date,
        topology: loadWorldTopology(),
        claims,
        version: packageVersion(),
        generatedAt: `${new Date().toISOString().slice(0, 19).replace('T', ' ')} UTC`,
      });
      const out = resolve(io.cwd, opts.out ?? `out/${org.id}-report.html`);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, report.html);
      io.out(report.summary);
      io.out(
        `\nwrote ${relative(io.cwd, out) || out} (${(report.html.length / 1024).toFixed(0)} KiB, ${report.sections.length} sections, ${Date.now() - started} ms)`,
      );
    });
}
