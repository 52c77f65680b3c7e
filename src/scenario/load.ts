/**
 * Node-side loading of scenarios (the edge where files are read): scenario files (YAML or JSON) and
 * the imported formats (KTAB SMP CSV, DECIDE, DEU-style tables), a file or a directory of them.
 * Errors name the file, the line and the field: `scenarios/x.yaml:23: issues[0].positions.RUS.salience: …`.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { loadDataset, packageRoot } from '../data/load.js';
import { ConcordError } from '../errors.js';
import { loadOrganizations } from '../org/load.js';
import { readUserFile } from '../util/files.js';
import { checkDepth, formatPath, validate } from '../util/validate.js';
import { parseDecide } from './import/decide.js';
import { type CapabilityInput, parseCapabilities, parseDeu } from './import/deu.js';
import { parseKtab } from './import/ktab.js';
import { resolveScenario } from './resolve.js';
import { type ScenarioFile, ScenarioFileSchema } from './schema.js';
import type { ResolvedScenario } from './types.js';

export const FORMATS = ['scenario', 'deu', 'ktab', 'decide'] as const;
export type Format = (typeof FORMATS)[number];

export interface LoadOptions {
  /** The format; detected from the name and content when absent. */
  readonly format?: Format;
  /** For DEU tables (and to override imported powers): 'equal' or a capabilities file. */
  readonly capabilities?: string;
}

export interface LoadedScenario {
  /** The file, as given (relative to the working directory when possible). */
  readonly file: string;
  readonly scenario: ResolvedScenario;
}

/** Guesses the format of a file from its name and first lines. */
export function detectFormat(file: string, text: string): Format {
  const ext = extname(file).toLowerCase();
  if (ext === '.yaml' || ext === '.yml' || ext === '.json') return 'scenario';
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const first = lines[0] ?? '';
  if (/^#[AOPMD/]\b|^#[AOPMD/][\t;]/.test(first) || lines.some((l) => /^#D[\t;]/.test(l))) return 'decide';
  const second = lines[1] ?? '';
  if (/^\s*Actor\s*,/i.test(second)) return 'ktab';
  const header = lines.find((l) => !l.startsWith('#')) ?? '';
  if (/(^|[\t,])\s*p[A-Za-z0-9]/.test(header) && /(^|[\t,])\s*s[A-Za-z0-9]/.test(header)) return 'deu';
  throw new ConcordError('E_FILE_FORMAT', `${file}: cannot tell the format of this file`, {
    path: file,
    hint: 'Give --format scenario|deu|ktab|decide.',
  });
}

/** The line of a YAML node at a path like `issues[0].positions.RUS.salience` (the nearest existing parent). */
export function lineOf(text: string, path: string): number | null {
  const lc = new LineCounter();
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { lineCounter: lc });
  } catch {
    return null;
  }
  const segs: Array<string | number> = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g))
    segs.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  for (let k = segs.length; k >= 0; k--) {
    const node = k === 0 ? doc.contents : doc.getIn(segs.slice(0, k), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return lc.linePos(range[0]).line;
  }
  return null;
}

/** Parses and validates a scenario file's text (YAML or JSON), with the line of the first error. */
export function parseScenarioText(text: string, file: string): ScenarioFile {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: true, maxAliasCount: 100 } as never);
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0]?.line;
    throw new ConcordError(
      'E_FILE_FORMAT',
      `${file}${line ? `:${line}` : ''}: not valid YAML or JSON: ${e.message.split('\n')[0]}`,
      {
        path: `${file}${line ? `:${line}` : ''}`,
        hint: 'Check the indentation and quoting at that line.',
      },
    );
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // An alias bomb ("Excessive alias count"), a cyclic alias.
    throw new ConcordError('E_FILE_FORMAT', `${file}: not a usable YAML document: ${(e as Error).message}`, {
      path: file,
      hint: 'Write the values out instead of repeating them through YAML aliases (&a / *a).',
    });
  }
  checkDepth(data, file);
  const r = ScenarioFileSchema.safeParse(data);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const path = formatPath(issue.path);
  const line = lineOf(text, path);
  const more =
    r.error.issues.length > 1
      ? ` (and ${r.error.issues.length - 1} more problem${r.error.issues.length > 2 ? 's' : ''})`
      : '';
  throw new ConcordError(
    'E_VALIDATION',
    `${file}${line ? `:${line}` : ''}: ${path}: ${issue.message}${more}`,
    {
      path,
      hint: 'Fix the value at that path; the scenario schema is docs/schemas/scenario.json (see docs/models.md).',
    },
  );
}

function display(path: string, cwd: string): string {
  const full = resolve(cwd, path);
  const rel = relative(cwd, full);
  return rel && !rel.startsWith('..') ? rel : full;
}

/** Resolves a parsed scenario against the built-in organizations and data, adding the line to errors. */
export function resolveWithLines(s: ScenarioFile, file: string, text: string | null): ResolvedScenario {
  try {
    return resolveScenario(s, { registry: loadOrganizations(), dataset: loadDataset(), file });
  } catch (e) {
    if (e instanceof ConcordError && e.path && text !== null && e.message.startsWith(`${file}: `)) {
      const line = lineOf(text, e.path);
      if (line)
        throw new ConcordError(e.code, `${file}:${line}: ${e.message.slice(file.length + 2)}`, {
          path: e.path,
          hint: e.hint,
        });
    }
    throw e;
  }
}

function capabilityOption(opt: string | undefined, cwd: string): CapabilityInput | undefined {
  if (opt === undefined) return undefined;
  if (opt === 'equal') return 'equal';
  return parseCapabilities(readUserFile(opt, cwd, 'capabilities file'), opt);
}

/** Loads one file (which may hold several scenarios: a DECIDE file with issue-specific powers). */
export function loadFile(path: string, cwd: string, opts: LoadOptions = {}): LoadedScenario[] {
  const file = display(path, cwd);
  const text = readUserFile(path, cwd, 'scenario file');
  const format = opts.format ?? detectFormat(file, text);
  const caps = capabilityOption(opts.capabilities, cwd);
  const withCaps = (s: ScenarioFile): ScenarioFile => {
    if (caps === undefined) return s;
    if (caps === 'equal')
      return {
        ...s,
        capability: 'equal',
        actors: Object.fromEntries(
          Object.entries(s.actors ?? {}).map(([k, v]) => [k, { ...v, capability: undefined }]),
        ),
      };
    const actors = { ...(s.actors ?? {}) };
    for (const id of Object.keys(actors)) {
      if (!(id in caps)) {
        throw new ConcordError(
          'E_VALIDATION',
          `${opts.capabilities}: no capability for ${id} (an actor of ${file})`,
          {
            path: opts.capabilities,
            hint: 'Give every actor a capability, or use --capabilities equal.',
          },
        );
      }
      actors[id] = { ...actors[id], capability: caps[id] };
    }
    return { ...s, actors };
  };
  switch (format) {
    case 'scenario': {
      const s = parseScenarioText(text, file);
      if (caps === undefined || caps === 'equal') {
        return [{ file, scenario: resolveWithLines(caps === undefined ? s : withCaps(s), file, text) }];
      }
      // A capabilities file covers every actor, members included: list them all as overrides.
      const first = resolveWithLines(s, file, text);
      const all = Object.fromEntries(first.actors.map((a) => [a.id, s.actors?.[a.id] ?? {}]));
      return [{ file, scenario: resolveWithLines(withCaps({ ...s, actors: all }), file, text) }];
    }
    case 'ktab':
      return [
        {
          file,
          scenario: resolveWithLines(
            withCaps(validate(ScenarioFileSchema, parseKtab(text, file), file)),
            file,
            null,
          ),
        },
      ];
    case 'decide':
      return parseDecide(text, file).map((s) => ({
        file,
        scenario: resolveWithLines(withCaps(validate(ScenarioFileSchema, s, file)), file, null),
      }));
    case 'deu': {
      if (caps === undefined) {
        throw new ConcordError('E_USAGE', `${file}: a DEU-style table carries no capabilities`, {
          path: file,
          hint: 'Give --capabilities equal, or --capabilities FILE with `actor,capability` lines.',
        });
      }
      const id = basename(file).replace(/\.[^.]+$/, '');
      return [
        {
          file,
          scenario: resolveWithLines(
            validate(ScenarioFileSchema, parseDeu(text, file, caps, id), file),
            file,
            null,
          ),
        },
      ];
    }
  }
}

const EXT: Record<Format, RegExp> = {
  scenario: /\.(ya?ml|json)$/i,
  deu: /\.(tsv|csv|txt|tab)$/i,
  ktab: /\.csv$/i,
  decide: /\.(csv|txt|tsv)$/i,
};

/** Loads a file, or every file of the format in a directory (sorted by name; not recursive). */
export function loadPath(path: string, cwd: string, opts: LoadOptions = {}): LoadedScenario[] {
  const full = resolve(cwd, path);
  let dir = false;
  try {
    dir = statSync(full).isDirectory();
  } catch {
    /* readUserFile reports it */
  }
  if (!dir) return loadFile(path, cwd, opts);
  const format = opts.format ?? 'scenario';
  const files = readdirSync(full)
    .filter((f) => EXT[format].test(f))
    .sort();
  if (files.length === 0) {
    throw new ConcordError(
      'E_FILE_UNREADABLE',
      `${display(path, cwd)}: no ${format} files in this directory`,
      {
        path,
        hint:
          format === 'scenario'
            ? 'Scenario files end in .yaml, .yml or .json.'
            : 'Give the file, or --format.',
      },
    );
  }
  return files.flatMap((f) => loadFile(join(full, f), cwd, { ...opts, format }));
}

/** The built-in SCO cases (scenarios/sco/*.yaml), for the report. */
export function loadScoCases(): LoadedScenario[] {
  const root = packageRoot();
  return loadPath(join(root, 'scenarios', 'sco'), root);
}
