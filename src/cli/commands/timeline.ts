/** `concord timeline <id> [--json]`: the dated events of an organization and its predecessors. */
import type { Command } from 'commander';
import { fullTimeline } from '../../org/history.js';
import { loadOrganizations } from '../../org/load.js';
import { json } from '../../util/format.js';
import type { CliIO } from '../io.js';

export function register(program: Command, io: CliIO): void {
  program
    .command('timeline')
    .description('the dated events of an organization (with its predecessors)')
    .argument('<id>', 'organization id')
    .option('--json', 'print JSON')
    .action((id: string, opts: { json?: boolean }) => {
      const events = fullTimeline(loadOrganizations(), id);
      if (opts.json) {
        io.out(json({ organization: id.toLowerCase(), events }));
        return;
      }
      for (const e of events) {
        io.out(
          `${e.date}  ${e.organization.padEnd(13)} ${e.kind.padEnd(11)} ${e.title}${e.verified ? '' : ' [unverified]'}`,
        );
      }
    });
}
