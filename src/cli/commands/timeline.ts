/** `concord timeline <id> [--json]`: the dated events of an organization and its predecessors. */
import type { Command } from 'commander';
import { cliOrg } from '../../i18n/messages/cli-org/index.js';
import { fullTimeline } from '../../org/history.js';
import { openOrganization } from '../../org/load.js';
import { displayWidth, json } from '../../util/format.js';
import { cliText } from '../i18n.js';
import type { CliIO } from '../io.js';

export function register(program: Command, io: CliIO): void {
  program
    .command('timeline')
    .description('the dated events of an organization (with its predecessors)')
    .argument('<org>', 'organization id or the path of an organization file')
    .option('--json', 'print JSON')
    .action((id: string, opts: { json?: boolean }) => {
      const { org, registry } = openOrganization(id, io.cwd);
      const events = fullTimeline(registry, org.id);
      if (opts.json) {
        io.out(json({ organization: org.id, events }));
        return;
      }
      const c = cliText(io, cliOrg);
      const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - displayWidth(s)));
      const kind = (k: string) => (c.t.has(`kind.${k}`) ? c.t(`kind.${k}` as never) : k);
      const width = Math.max(11, ...events.map((e) => displayWidth(kind(e.kind))));
      for (const e of events) {
        io.out(
          `${c.locale === 'en' ? e.date : pad(c.date(e.date), 10)}  ${e.organization.padEnd(13)} ${pad(kind(e.kind), width)} ${e.title}${e.verified ? '' : c.t('timeline.unverified')}`,
        );
      }
    });
}
