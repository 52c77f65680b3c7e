/**
 * The CLI's lazy command table: the help built from the table is the help the modules register,
 * and a command loads only its own module and the libraries it needs (traced in a child process
 * with a module-resolution hook, so the check is on what Node really loads). Timing is measured by
 * the benchmark (`npm run bench -- startup`), never here.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, Help } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS, invokedCommand } from '../../src/cli/commands/index.js';
import { memoryIO } from '../../src/cli/io.js';

const root = join(import.meta.dirname, '..', '..');

/** The files and packages a `concord …` process resolves. */
function traced(
  argv: string[],
  bundle = false,
): {
  files: string[];
  packages: Set<string>;
  status: number | null;
  stderr: string;
} {
  const trace = join(mkdtempSync(join(tmpdir(), 'concord-trace-')), 'imports.txt');
  const r = spawnSync(
    process.execPath,
    ['--import', './test/fixtures/cli/trace-imports.mjs', 'bin/concord.js', ...argv],
    {
      cwd: root,
      env: {
        ...process.env,
        CONCORD_TRACE_IMPORTS: trace,
        CONCORD_UNBUNDLED: bundle ? '0' : '1',
        // the ES module bundle (the code-cached script loads no module to trace: tested below)
        CONCORD_CODE_CACHE: '0',
      },
      encoding: 'utf8',
    },
  );
  const urls = readFileSync(trace, 'utf8').split('\n').filter(Boolean);
  const files = urls.filter((u) => u.startsWith('file:')).map((u) => u.slice(`file://${root}/`.length));
  const packages = new Set(
    files
      .filter((f) => f.startsWith('node_modules/'))
      .map((f) => {
        const parts = f.split('/');
        return parts[1]!.startsWith('@') ? `${parts[1]}/${parts[2]}` : parts[1]!;
      }),
  );
  return { files, packages, status: r.status, stderr: r.stderr };
}

const commandModules = (files: readonly string[]) =>
  files.filter((f) => /^dist\/src\/cli\/commands\/(?!index\.js)/.test(f)).sort();

const HEAVY = ['fastify', 'kysely', 'pg', 'better-sqlite3', 'bullmq', 'ioredis', 'piscina', 'd3-geo'];

describe('the command table', () => {
  it('lists every registered command once, with the term and summary its module registers', async () => {
    const program = new Command('concord');
    const loaded = new Set<unknown>();
    for (const c of COMMANDS) {
      const mod = await c.load();
      if (loaded.has(mod)) continue;
      loaded.add(mod);
      mod.register(program, memoryIO());
    }
    const help = new Help();
    expect(program.commands.map((c) => c.name()).sort()).toEqual(COMMANDS.map((c) => c.name).sort());
    for (const entry of COMMANDS) {
      const cmd = program.commands.find((c) => c.name() === entry.name)!;
      expect({ name: entry.name, term: help.subcommandTerm(cmd), summary: cmd.description() }).toEqual({
        name: entry.name,
        term: entry.term,
        summary: entry.summary,
      });
    }
  });

  it('finds the invoked command past global options and `help`', () => {
    expect(invokedCommand(['--debug', 'power', 'eec-1958'])).toBe('power');
    expect(invokedCommand(['help', 'org'])).toBe('org');
    expect(invokedCommand(['--version'])).toBeNull();
  });
});

describe('start-up loads only what the command needs (unbundled build, module by module)', () => {
  it('--version and --help load no command module and no zod', () => {
    for (const args of [['--version'], ['--help']]) {
      const t = traced(args);
      expect(t.status).toBe(0);
      expect(commandModules(t.files)).toEqual([]);
      expect([...t.packages].sort()).toEqual(['commander']);
    }
  });

  it('power with a game file loads the power command alone, and no server, store or map library', () => {
    const t = traced(['power', 'eec-1958']);
    expect(t.status).toBe(0);
    // blocs.js is the power command's own --unions helper
    expect(commandModules(t.files)).toEqual([
      'dist/src/cli/commands/blocs.js',
      'dist/src/cli/commands/power.js',
    ]);
    for (const p of HEAVY) expect(t.packages.has(p), p).toBe(false);
  });

  it('power with a JSON file of players loads no organization module', () => {
    const dir = mkdtempSync(join(tmpdir(), 'concord-startup-'));
    const file = join(dir, 'game.json');
    writeFileSync(
      file,
      JSON.stringify({
        players: Array.from({ length: 60 }, (_, i) => ({ id: `P${i + 1}`, w: 1 + (i % 7) })),
        rule: { sum: 'w', atLeast: 150 },
      }),
    );
    const t = traced(['power', file, '--index', 'passage']);
    expect(t.status).toBe(0);
    expect(t.stderr).toBe(''); // a quick game: no note of a long computation
    expect(t.files.filter((f) => f.startsWith('dist/src/org/'))).toEqual([]);
  });

  it('org loads the org command alone', () => {
    const t = traced(['org', 'sco', '--at', '2017-06-09']);
    expect(t.status).toBe(0);
    expect(commandModules(t.files)).toEqual(['dist/src/cli/commands/org.js']);
    for (const p of HEAVY) expect(t.packages.has(p), p).toBe(false);
  });

  it('an unknown command loads nothing and still suggests the right one', () => {
    const t = traced(['powr']);
    expect(t.status).toBe(2);
    expect(t.stderr).toContain('Did you mean power?');
    expect(commandModules(t.files)).toEqual([]);
  });
});

describe('the bundled CLI (dist/cli/)', () => {
  it('runs a command, and --version loads no command chunk', () => {
    const v = traced(['--version'], true);
    expect(v.status).toBe(0);
    const commandChunk = new RegExp(`/(${COMMANDS.map((c) => c.name).join('|')})-\\w+\\.js$`);
    expect(v.files.filter((f) => commandChunk.test(f))).toEqual([]);
    expect(v.files.some((f) => f.startsWith('dist/src/'))).toBe(false);
    const p = traced(['power', 'eec-1958'], true);
    expect(p.status).toBe(0);
    const chunks = p.files.filter((f) => f.startsWith('dist/cli/chunks/'));
    expect(chunks.some((f) => /\/power-\w+\.js$/.test(f))).toBe(true);
    expect(chunks.some((f) => /\/(org|serve|sweep|report)-\w+\.js$/.test(f))).toBe(false);
    for (const pkg of HEAVY) expect(p.packages.has(pkg), pkg).toBe(false);
  });
});

describe('the code-cached CLI script (dist/cli/main.script.js)', () => {
  const run = (args: string[], env: Record<string, string>, flags: string[] = []) =>
    spawnSync(process.execPath, [...flags, 'bin/concord.js', ...args], {
      cwd: root,
      env: { ...process.env, CONCORD_LANG: 'en', ...env },
      encoding: 'utf8',
    });
  // the power command prints its own time: compare without it
  const steady = (s: string) => s.replace(/; [\d.]+ ms$/m, '; … ms');

  it('runs commands from the code cache, printing what the module bundle prints', () => {
    for (const args of [
      ['org', 'sco', '--at', '2017-06-09'],
      ['power', 'eec-1958', '--index', 'banzhaf'],
      ['timeline', 'sco'],
      ['power', 'no-such-game'],
      ['power', '--help'],
      ['help', 'power'],
      ['power', 'eec-1958', '--index', 'banzhaf', '--lang', 'ru', '--format', 'csv'],
      ['power', 'eec-1958', '--index', 'nope', '--lang', 'zh'],
    ]) {
      const cached = run(args, { CONCORD_CODE_CACHE: 'verbose' });
      const modules = run(args, { CONCORD_CODE_CACHE: '0' });
      expect(cached.stderr, args.join(' ')).toContain('code cache: used');
      expect(cached.status, args.join(' ')).toBe(modules.status);
      expect(steady(cached.stdout)).toBe(steady(modules.stdout));
      expect(cached.stderr.replace(/code cache: used.*\n/, '')).toBe(modules.stderr);
      // `concord power …` runs from the power command's own script (scripts/bundle-cli.mjs)
      if (args.includes('power'))
        expect(cached.stderr, args.join(' ')).toContain('code cache: used (power.script)');
      else expect(cached.stderr, args.join(' ')).not.toContain('power.script');
    }
  });

  it('still runs, compiled from source, when V8 refuses the cache (other flags)', () => {
    const r = run(['org', 'sco', '--at', '2017-06-09'], { CONCORD_CODE_CACHE: 'verbose' }, ['--no-opt']);
    expect(r.stderr).toContain('code cache: rejected by V8, compiled from source');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Shanghai Cooperation Organisation');
  });

  it('--version and --help run from the module bundle', () => {
    const r = run(['--version'], { CONCORD_CODE_CACHE: 'verbose' });
    expect(r.status).toBe(0);
    expect(r.stderr).not.toContain('code cache');
  });
});
