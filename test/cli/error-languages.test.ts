/**
 * The CLI's own errors in `--lang ru` and `--lang zh` (one per command file keyed here): the exit
 * status and the code stay, the message and the hint are in the language, not the English text.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.js';

const store = join(mkdtempSync(join(tmpdir(), 'concord-cli-lang-')), 'store.sqlite');
const CYRILLIC = /[А-Яа-яЁё]/;
const HAN = /[\u4e00-\u9fff]/;

/** The `error [CODE] message` line and the `hint:` line of stderr (in any language). */
function parts(err: string): { code: string; message: string; hint: string } {
  const lines = err.split('\n');
  const first = lines.find((l) => /\[E_[A-Z_]+\]/.test(l)) ?? '';
  const m = /\[(E_[A-Z_]+)\]\s*(.*)$/.exec(first);
  const hint = lines.find((l, i) => i > lines.indexOf(first) && l.trim() !== '') ?? '';
  return { code: m?.[1] ?? '', message: m?.[2] ?? '', hint };
}

const CASES: Array<[string, string[], string]> = [
  [
    'token.ts: a duration that is not one',
    ['token', 'create', '--workspace', 'w', '--expires', 'soon', '--store', store],
    'E_USAGE',
  ],
  ['token.ts: an unknown token', ['token', 'revoke', 'nope', '--store', store], 'E_UNKNOWN_ID'],
  ['reform.ts: an unknown ranking', ['reform', 'sco', '--rank', 'nope'], 'E_USAGE'],
  ['power.ts: neither a game file nor --org', ['power'], 'E_USAGE'],
  ['power.ts: an unknown method', ['power', 'eec-1958', '--method', 'guess'], 'E_USAGE'],
  [
    'reliability.ts: resamples that are not a count',
    ['reliability', 'scenarios/sco', '--resamples', 'many'],
    'E_USAGE',
  ],
  [
    'capability-sensitivity.ts: a file that is not a scenario file',
    ['forecast', 'test/fixtures/bargaining/ktab-3.csv', '--capability-sensitivity'],
    'E_UNSUPPORTED',
  ],
];

describe('the CLI errors in Russian and Chinese', () => {
  it.each(CASES)('%s', async (_, argv, code) => {
    const en = await run(...argv);
    expect(en.code, en.err).toBe(2);
    const e = parts(en.err);
    expect(e.code).toBe(code);
    expect(e.hint).toMatch(/^\s*hint: /);
    for (const [lang, script] of [
      ['ru', CYRILLIC],
      ['zh', HAN],
    ] as const) {
      const r = await run(...argv, '--lang', lang);
      expect(r.code).toBe(2);
      const l = parts(r.err);
      expect(l.code).toBe(code);
      expect(l.message).not.toBe(e.message);
      expect(l.message, l.message).toMatch(script);
      expect(l.hint).not.toBe(e.hint);
      expect(l.hint, l.hint).toMatch(script);
    }
  });

  it('keeps the English message as thrown', async () => {
    const r = await run('reform', 'sco', '--rank', 'nope');
    expect(parts(r.err).message).toBe('--rank: "nope" is not a ranking');
    const ru = await run('reform', 'sco', '--rank', 'nope', '--lang', 'ru');
    expect(parts(ru.err).message).toBe('--rank: «nope» — не способ ранжирования');
  });
});
