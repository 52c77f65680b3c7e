/**
 * Every ConcordError has a message key (so the CLI's `--lang` and the API's Accept-Language print
 * it in the reader's language), and the English catalogue words each keyed message and hint as
 * the code throws it (the English text stays what tests and API clients match on).
 *
 * The scan reads src/ with TypeScript's parser (test/helpers/error-sites.ts): it lists every
 * `new ConcordError(` call without a `key` by file and line. PENDING lists the files whose errors
 * are still being keyed (each engineer's area); the lead removes a file when its keys are merged,
 * and the test fails on a listed file that has none left, so the list only shrinks.
 */
import { join } from 'node:path';
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import type { ErrorValue } from '../../src/errors.js';
import { ConcordError } from '../../src/errors.js';
import { localizeError, prepareErrorLocale } from '../../src/i18n/errors.js';
import { errors } from '../../src/i18n/messages/errors/index.js';
import { type MessageValues, translator } from '../../src/i18n/translate.js';
import { TIMEOUT_KEYS, type TimeoutKey } from '../../src/server/compute.js';
import { apiRoutes } from '../../src/server/routes/index.js';
import { scenarioCaps } from '../../src/server/routes/scenarios.js';
import { splitBlocks } from '../../src/sweep/engine.js';
import { concordErrorSites, type ErrorHelper, keyedMessages } from '../helpers/error-sites.js';

const root = join(import.meta.dirname, '../..');

/** Files with errors still without a key (other areas, being keyed now). Remove a file once it has none. */
const PENDING: readonly string[] = [];

/**
 * The server, the store, sweeps, rooms and the CLI outside the commands other engineers convert:
 * every error here has a key, worded in the catalogue under the area's prefix.
 */
const AREA = (f: string): boolean =>
  /^src\/(server|store|sweep|rooms)\//.test(f) ||
  (f.startsWith('src/cli/') &&
    !/^src\/cli\/(estimate|commands\/(forecast|backtest|exchange-rounds|sweep|balance|alignment|design|quota|registry|report|runs|serve|worker))\.ts$/.test(
      f,
    ));
const PREFIXES = ['server.', 'rooms.', 'store.', 'sweep.', 'cli.'];
/** Keys of the catalogue's first block that the area uses too (YAML syntax, request body errors, …). */
const SHARED = [
  'yamlSyntax',
  'twoOutputs',
  'badOutputFormat',
  'noEndpoint',
  'requestValidation',
  'rateLimit',
  'bodyTooLarge',
  'bodyEmpty',
  'bodyNotJson',
];

/** The helpers of the area that build keyed errors, and where their key, message, hint and values are. */
const HELPERS: readonly ErrorHelper[] = [
  {
    file: 'src/server/errors.ts',
    name: 'make',
    message: 1,
    hint: 2,
    key: 4,
    implicit: { detail: "f.message ?? ''" },
  },
  { file: 'src/rooms/state.ts', name: 'fail', message: 1, hint: 3, key: 4, values: 5 },
  {
    file: 'src/sweep/engine.ts',
    name: 'bad',
    message: 1,
    hint: 2,
    key: 3,
    values: 4,
    prefix: '{file}: {path}: ',
  },
  {
    file: 'src/sweep/distributions.ts',
    name: 'fail',
    message: 1,
    hint: 2,
    key: 3,
    values: 4,
    prefix: '{path}: ',
  },
  {
    file: 'src/sweep/forecast.ts',
    name: 'bad',
    message: 2,
    key: 3,
    values: 4,
    prefix: '{file}: sweep.parameters.{param}: ',
    fixedHint: 'Name an issue and an actor of the scenario (position.ISSUE.ACTOR).',
  },
  {
    file: 'src/sweep/synthetic.ts',
    name: 'fail',
    message: 2,
    key: 3,
    values: 4,
    prefix: '{file}: {path}: ',
    fixedHint: 'Fix the synthetic scenario.',
  },
];
/** Keys whose hint is English written elsewhere (a route's own timeout hint, SMP's refusal): no `hint.` entry. */
const ENGLISH_HINTS = [
  'server.compute.timeoutOwnHint',
  'server.compute.outOfMemoryOwnHint',
  'server.scenario.smpRefused',
  'cli.smpRefused',
];
/** Keys whose text is not a plain template (built by a helper, or worded by zod): checked by building the error below. */
const BUILT = [
  'sweep.blockValidation',
  'server.scenario.tooManyActors',
  'server.scenario.tooManyIssues',
  'server.scenario.tooManyDimensions',
  'server.scenario.tooManyPairs',
];

const sites = concordErrorSites(root);
const en = errors.catalogues.en;

/** A message's elements without positions, adjacent literals joined: two texts that format alike compare equal. */
function shape(icu: string): unknown {
  const strip = (els: MessageFormatElement[]): unknown[] => {
    const out: unknown[] = [];
    for (const el of els) {
      const prev = out[out.length - 1] as { type?: number; value?: string } | undefined;
      if (el.type === TYPE.literal && prev?.type === TYPE.literal) {
        prev.value += el.value;
        continue;
      }
      const { location: _, ...rest } = el as MessageFormatElement & { location?: unknown };
      const copy: Record<string, unknown> = { ...rest };
      if ('options' in el)
        copy.options = Object.fromEntries(
          Object.entries(el.options).map(([k, o]) => [
            k,
            strip((o as { value: MessageFormatElement[] }).value),
          ]),
        );
      if ('children' in el) copy.children = strip(el.children);
      out.push(copy);
    }
    return out;
  };
  return strip(parse(icu));
}

describe('error keys', () => {
  it('every ConcordError outside the pending files has a key', () => {
    const missing = sites
      .filter((s) => !s.keyed && !PENDING.includes(s.file))
      .map((s) => `${s.file}:${s.line}`);
    expect(missing).toEqual([]);
  });

  it('every pending file still has an error without a key (remove the others from PENDING)', () => {
    const done = PENDING.filter((f) => !sites.some((s) => s.file === f && !s.keyed));
    expect(done).toEqual([]);
  });

  it('the server, the store, sweeps, rooms and the converted CLI have no error without a key', () => {
    const mine = sites.filter((s) => AREA(s.file));
    expect(mine.length).toBeGreaterThan(100);
    expect(mine.filter((s) => !s.keyed).map((s) => `${s.file}:${s.line}`)).toEqual([]);
    expect(PENDING.filter(AREA)).toEqual([]);
  });

  const files = [...new Set(sites.filter((s) => AREA(s.file)).map((s) => s.file))];
  const keyed = keyedMessages(root, files, HELPERS);

  it('finds the keyed messages of the area, each key in the catalogue under the area prefix', () => {
    expect(keyed.length).toBeGreaterThan(150);
    const problems = keyed
      .filter((m) => !(m.key in en) || !(PREFIXES.some((p) => m.key.startsWith(p)) || SHARED.includes(m.key)))
      .map((m) => `${m.file}:${m.line} ${m.key}`);
    expect(problems).toEqual([]);
  });

  it('the English catalogue words each message and hint as the code throws it', () => {
    const problems: string[] = [];
    for (const m of keyed) {
      if (!PREFIXES.some((p) => m.key.startsWith(p))) continue;
      const at = `${m.file}:${m.line} ${m.key}`;
      if (!BUILT.includes(m.key)) {
        if (m.message === null)
          problems.push(`${at}: the message is not a plain template; build it in the test`);
        else if (JSON.stringify(shape(m.message)) !== JSON.stringify(shape(en[m.key]!)))
          problems.push(`${at}: the code says "${m.message}", the catalogue "${en[m.key]}"`);
      }
      const hintKey = `hint.${m.key}`;
      if (m.hint === undefined || ENGLISH_HINTS.includes(m.key)) {
        if (hintKey in en) problems.push(`${at}: the error has no catalogue hint, but ${hintKey} exists`);
      } else if (!BUILT.includes(m.key)) {
        if (m.hint === null) problems.push(`${at}: the hint is not a plain template; build it in the test`);
        else if (!(hintKey in en)) problems.push(`${at}: ${hintKey} is missing`);
        else if (JSON.stringify(shape(m.hint)) !== JSON.stringify(shape(en[hintKey]!)))
          problems.push(`${at}: the code's hint is "${m.hint}", the catalogue's "${en[hintKey]}"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("words each route's own timeout hint: its TIMEOUT_KEYS entries hold the hint and the generic message", () => {
    const problems: string[] = [];
    let checked = 0;
    for (const r of apiRoutes() as unknown as ReadonlyArray<{
      url: string;
      work?: { timeoutHint?: string; timeoutKey?: TimeoutKey };
    }>) {
      const w = r.work;
      if (!w?.timeoutHint) continue;
      if (!w.timeoutKey) {
        problems.push(`${r.url}: a timeoutHint without a timeoutKey`);
        continue;
      }
      checked++;
      const [timeout, memory] = TIMEOUT_KEYS[w.timeoutKey];
      for (const [key, generic] of [
        [timeout, 'server.compute.timeout'],
        [memory, 'server.compute.outOfMemory'],
      ] as const) {
        if (en[key] !== en[generic]) problems.push(`${r.url}: ${key} is not worded as ${generic}`);
        if (en[`hint.${key}`] !== w.timeoutHint)
          problems.push(`${r.url}: hint.${key} is not the route's timeoutHint`);
      }
    }
    expect(checked).toBeGreaterThanOrEqual(7);
    expect(problems).toEqual([]);
  });

  /** The thrown English against the English catalogue, and a Russian and a Chinese text that differ from it. */
  async function expectWorded(e: unknown): Promise<void> {
    expect(e).toBeInstanceOf(ConcordError);
    const c = e as ConcordError;
    expect(c.key).toBeDefined();
    const values: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(c.values ?? {}))
      values[k] = typeof v === 'object' ? (v as Exclude<ErrorValue, string | number>).en : v;
    if (c.issues) values.issues = c.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    const t = translator(errors, 'en');
    expect(c.message).toBe(t(c.key as never, values as MessageValues));
    expect(c.hint).toBe(t(`hint.${c.key}` as never, values as MessageValues));
    for (const locale of ['ru', 'zh-Hans'] as const) {
      await prepareErrorLocale(locale);
      const l = localizeError(c, locale);
      expect(l.code).toBe(c.code);
      expect(l.path).toBe(c.path);
      expect(l.message).not.toBe(c.message);
      expect(l.hint).not.toBe(c.hint);
    }
  }

  const caught = (f: () => unknown): unknown => {
    try {
      f();
    } catch (e) {
      return e;
    }
    throw new Error('expected an error');
  };

  it('builds the errors whose text is not a plain template: the scenario caps and a sweep block schema error', async () => {
    const issue = (id: string, positions: Record<string, unknown>, dims?: number) => ({
      id,
      positions,
      ...(dims ? { dimensions: Array.from({ length: dims }, (_, k) => ({ id: `d${k}` })) } : {}),
    });
    const scenario = (o: object) => ({ id: 's', issues: [], ...o }) as never;
    const actors = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, k) => [`A${k}`, {}]));
    const cases = [
      scenario({ actors: actors(201) }),
      scenario({ issues: Array.from({ length: 51 }, (_, k) => issue(`i${k}`, {})) }),
      scenario({ issues: [issue('i', {}, 17)] }),
      scenario({ actors: actors(150), issues: Array.from({ length: 4 }, (_, k) => issue(`i${k}`, {})) }),
    ];
    const keys: string[] = [];
    for (const s of cases) {
      const e = caught(() => scenarioCaps(s));
      await expectWorded(e);
      keys.push((e as ConcordError).key!);
    }
    expect(keys).toEqual(BUILT.slice(1));
    const e = caught(() => splitBlocks({ id: 's', issues: [], sweep: { design: 'nope' } }, 'case.yaml'));
    expect((e as ConcordError).key).toBe('sweep.blockValidation');
    await expectWorded(e);
    expect(localizeError(e as ConcordError, 'ru').message).toMatch(/^case\.yaml: sweep\.design: [А-Яа-я]/);
  });
});
