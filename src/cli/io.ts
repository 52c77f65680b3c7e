/** The CLI's I/O, injected so that commands can be run and tested in-process. */
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale.js';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is an interactive terminal (progress bars are drawn only then). */
  readonly isTTY: boolean;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * The language of the human output (`--lang`, else `CONCORD_LANG`, else English), set by main()
   * before the command is registered; JSON and CSV output never depend on it.
   */
  readonly locale?: Locale;
}

/** The locale of a command's human output. */
export function localeOf(io: CliIO): Locale {
  return io.locale ?? DEFAULT_LOCALE;
}

export const processIO: CliIO = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  // read when asked (a progress bar): opening process.stderr at start-up costs ≈1 ms of every command
  get isTTY() {
    return Boolean(process.stderr.isTTY);
  },
  cwd: process.cwd(),
  env: process.env,
};

/** An IO that collects output, for tests. */
export function memoryIO(
  env: Record<string, string | undefined> = {},
  cwd = process.cwd(),
): CliIO & {
  stdout: string[];
  stderr: string[];
} {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), isTTY: false, cwd, env };
}
