/** Running the CLI in-process, as the tests of every command do. */
import { memoryIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

export interface CliResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** `concord <argv…>` in this process, with its output collected; `cwd` for relative paths. */
export async function runCli(argv: readonly string[], cwd?: string): Promise<CliResult> {
  const io = memoryIO({}, cwd);
  const code = await main(argv, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

/** `runCli` with the arguments spread. */
export function run(...argv: string[]): Promise<CliResult> {
  return runCli(argv);
}
