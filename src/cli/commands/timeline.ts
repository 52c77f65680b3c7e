/** `concord timeline <id> [--json]`: the dated events of an organization and its predecessors. */
import type { Command } from 'commander';
import { fullTimeline } from '../../org/history.js';
import { openOrganization } from '../../org/load.js';
import { json } from '../../util/format.js';
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
      for (const e of events) {
        io.out(
          `${e.date}  ${e.organization.padEnd(13)} ${e.kind.padEnd(11)} ${e.title}${e.verified ? '' : ' [unverified]'}`,
        );
      }
    });
}
