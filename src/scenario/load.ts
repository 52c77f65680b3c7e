/**
 * Node-side loading of scenarios (the edge where files are read): scenario files (YAML or JSON) and
 * the imported formats (KTAB SMP CSV, DECIDE, DEU-style tables), a file or a directory of them.
 * Errors name the file, the line and the field: `scenarios/x.yaml:23: issues[0].positions.RUS.salience: …`.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { LineCounter, parseDocument, stringify as stringifyYaml } from 'yaml';
import { loadDataset, packageRoot } from '../data/load.js';
import { ConcordError } from '../errors.js';
import { loadOrganizations } from '../org/load.js';
import { readUserBytes, readUserFile } from '../util/files.js';
import { checkDepth, formatPath, keptIssue } from '../util/validate.js';
import { type CouncilEra, councilEra } from './import/council.js';
import { type CapabilityInput, parseCapabilities } from './import/deu.js';
import { detectFormat, type Format, importScenarios } from './import/index.js';
import { isZip } from './import/read.js';
import type { ImportSummary } from './import/summary.js';
import { resolveScenario } from './resolve.js';
import { type ScenarioFile, ScenarioFileSchema } from './schema.js';
import type { ResolvedScenario } from './types.js';

export { detectFormat, FORMATS, type Format } from './import/index.js';

export interface LoadOptions {
  /** The format; detected from the name and content when absent. */
  readonly format?: Format;
  /** equal, votes (DEU: Council votes on the date), or a capabilities file; overrides imported powers. */
  readonly capabilities?: string;
  /** DEU tables: the salience (0–100) of a position given without one (default 50). */
  readonly defaultSalience?: number;
}

export interface LoadedScenario {
  /** The file, as given (relative to the working directory when possible). */
  readonly file: string;
  readonly scenario: ResolvedScenario;
  /** The scenario file behind it (parsed; for an imported table, what the import made of it). */
  readonly input: ScenarioFile;
  /** What the import skipped or defaulted (tables), or null. */
  readonly summary: ImportSummary | null;
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
        key: 'yamlSyntax',
        values: { where: `${file}${line ? `:${line}` : ''}`, detail: e.message.split('\n')[0] ?? '' },
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
      key: 'scenario.aliases',
      values: { file, detail: (e as Error).message },
    });
  }
  checkDepth(data, file);
  const r = ScenarioFileSchema.safeParse(data, { reportInput: true });
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
      key: 'scenario.schema',
      values: { where: `${file}${line ? `:${line}` : ''}`, more: r.error.issues.length - 1 },
      issues: [keptIssue(issue)],
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
      // The keyed messages of resolveScenario start with `{file}: `: the same key, with the line.
      if (line)
        throw new ConcordError(e.code, `${file}:${line}: ${e.message.slice(file.length + 2)}`, {
          path: e.path,
          hint: e.hint,
          cause: e.cause,
          ...(e.key && e.values?.file === file
            ? { key: e.key, values: { ...e.values, file: `${file}:${line}` } }
            : {
                key: 'scenario.inFile',
                values: { file: `${file}:${line}`, cause: e.message.slice(file.length + 2) },
              }),
        });
    }
    throw e;
  }
}

function capabilityOption(opt: string | undefined, cwd: string): CapabilityInput | undefined {
  if (opt === undefined) return undefined;
  if (opt === 'equal' || opt === 'votes') return opt;
  return parseCapabilities(readUserFile(opt, cwd, 'capabilities file'), opt);
}

/** Applies --capabilities (equal or a file) to a scenario file; DEU tables take it on import. */
function withCapabilities(
  s: ScenarioFile,
  caps: CapabilityInput | undefined,
  capsFile: string | undefined,
  file: string,
  allIds: readonly string[],
): ScenarioFile {
  if (caps === undefined || caps === 'votes') return s;
  if (caps === 'equal')
    return {
      ...s,
      capability: 'equal',
      actors: Object.fromEntries(
        Object.entries(s.actors ?? {}).map(([k, v]) => [k, { ...v, capability: undefined }]),
      ),
    };
  const actors = { ...(s.actors ?? {}) };
  for (const id of allIds) {
    if (!(id in caps)) {
      throw new ConcordError('E_VALIDATION', `${capsFile}: no capability for ${id} (an actor of ${file})`, {
        path: capsFile,
        hint: 'Give every actor a capability, or use --capabilities equal.',
        key: 'scenario.noCapability',
        values: { capsFile: String(capsFile), id, file },
      });
    }
    actors[id] = { ...actors[id], capability: caps[id] };
  }
  return { ...s, actors };
}

const eras = new Map<string, CouncilEra | null>();

/**
 * The Council of the EU on a date, for DEU tables (qualified majority, `--capabilities votes`): from
 * the organization eu-council (data/organizations/eu-council.yaml); null without it.
 */
export function councilOn(date: string): CouncilEra | null {
  if (!eras.has(date)) {
    const registry = loadOrganizations();
    eras.set(date, registry.has('eu-council') ? councilEra(registry.get('eu-council'), date) : null);
  }
  return eras.get(date)!;
}

/** Imports bytes or text of any format into validated scenario files (not yet resolved). */
export function importFiles(
  input: string | Uint8Array,
  file: string,
  opts: {
    format?: Format;
    capabilities?: CapabilityInput;
    capabilitiesFile?: string;
    defaultSalience?: number;
  } = {},
): {
  inputs: Array<{ scenario: ScenarioFile; text: string | null }>;
  summary: ImportSummary | null;
  format: Format;
} {
  const imp = importScenarios(input, file, {
    format: opts.format,
    capabilities: opts.capabilities,
    defaultSalience: opts.defaultSalience,
    council: councilOn,
  });
  if (imp.format === 'scenario') {
    const s = parseScenarioText(imp.text!, file);
    const caps = opts.capabilities;
    if (caps === undefined || caps === 'equal' || caps === 'votes')
      return {
        inputs: [{ scenario: withCapabilities(s, caps, opts.capabilitiesFile, file, []), text: imp.text }],
        summary: null,
        format: imp.format,
      };
    // A capabilities file covers every actor, members included: list them all as overrides.
    const ids = resolveWithLines(s, file, imp.text).actors.map((a) => a.id);
    const all = Object.fromEntries(ids.map((id) => [id, s.actors?.[id] ?? {}]));
    return {
      inputs: [
        {
          scenario: withCapabilities({ ...s, actors: all }, caps, opts.capabilitiesFile, file, ids),
          text: imp.text,
        },
      ],
      summary: null,
      format: imp.format,
    };
  }
  const inputs = imp.scenarios.map((raw) => {
    const r = ScenarioFileSchema.safeParse(raw);
    if (!r.success) {
      const i = r.error.issues[0]!;
      throw new ConcordError('E_VALIDATION', `${file}: ${formatPath(i.path)}: ${i.message}`, {
        path: file,
        hint: 'The imported table gives a value the scenario schema refuses; see docs/scenarios.md.',
        key: 'scenario.importSchema',
        values: { where: file },
        issues: [keptIssue(i)],
      });
    }
    const s =
      imp.format === 'deu'
        ? r.data
        : withCapabilities(
            r.data,
            opts.capabilities,
            opts.capabilitiesFile,
            file,
            Object.keys(r.data.actors ?? {}),
          );
    return { scenario: s, text: null };
  });
  return { inputs, summary: imp.summary, format: imp.format };
}

/** Loads one file (which may hold several scenarios: a DECIDE file with issue-specific powers). */
export function loadFile(path: string, cwd: string, opts: LoadOptions = {}): LoadedScenario[] {
  const file = display(path, cwd);
  const bytes = readUserBytes(path, cwd, 'scenario file');
  if (opts.defaultSalience !== undefined && !(opts.defaultSalience >= 0 && opts.defaultSalience <= 100))
    throw new ConcordError(
      'E_USAGE',
      `--default-salience: ${opts.defaultSalience} is not a number from 0 to 100`,
      {
        path: '--default-salience',
        hint: 'A DEU salience is on 0–100, e.g. --default-salience 50.',
        key: 'scenario.badDefaultSalience',
        values: { value: String(opts.defaultSalience) },
      },
    );
  const { inputs, summary } = importFiles(bytes, file, {
    format: opts.format,
    capabilities: capabilityOption(opts.capabilities, cwd),
    capabilitiesFile: opts.capabilities,
    defaultSalience: opts.defaultSalience,
  });
  return inputs.map(({ scenario, text }) => ({
    file,
    scenario: resolveWithLines(scenario, file, text),
    input: scenario,
    summary,
  }));
}

/**
 * The text of a scenario file for a sweep (whose manifest stores the text): the file itself for a
 * scenario file, else the one scenario an imported table gives, as YAML.
 */
export function scenarioTextOf(
  path: string,
  cwd: string,
  opts: LoadOptions = {},
): { file: string; text: string; summary: ImportSummary | null } {
  const file = display(path, cwd);
  const bytes = readUserBytes(path, cwd, 'scenario file');
  const format = opts.format ?? detectFormat(file, isZip(bytes) ? '' : bytes.toString('utf8'), bytes);
  if (format === 'scenario' && opts.capabilities === undefined)
    return { file, text: bytes.toString('utf8'), summary: null };
  const loaded = loadFile(path, cwd, { ...opts, format });
  if (loaded.length !== 1)
    throw new ConcordError(
      'E_UNSUPPORTED',
      `${file}: a sweep takes one scenario; this file gives ${loaded.length}`,
      {
        path: file,
        hint: 'A DECIDE file with issue-specific powers, or a DEU table spanning several Council eras, gives one scenario per issue or era: split the file, or sweep each part.',
        key: 'scenario.sweepOne',
        values: { file, count: String(loaded.length) },
      },
    );
  return { file, text: stringifyYaml(loaded[0]!.input), summary: loaded[0]!.summary };
}

const EXT: Record<Format, RegExp> = {
  scenario: /\.(ya?ml|json)$/i,
  long: /\.(csv|tsv|txt|xlsx)$/i,
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
        key: 'scenario.emptyDirectory',
        values: { dir: display(path, cwd), format },
      },
    );
  }
  return files.flatMap((f) => loadFile(join(full, f), cwd, { ...opts, format }));
}

/**
 * The built-in cases of an organization (scenarios/<id>/*, those whose organization is `id`), for
 * the report: none when the organization has no such directory.
 */
export function loadOrganizationCases(orgId: string): LoadedScenario[] {
  const root = packageRoot();
  const dir = join(root, 'scenarios', orgId);
  if (!/^[a-z0-9-]+$/.test(orgId) || !existsSync(dir)) return [];
  return loadPath(dir, root).filter((c) => c.scenario.organization?.id === orgId);
}

/** The built-in SCO cases (scenarios/sco/*.yaml), for the report. */
export function loadScoCases(): LoadedScenario[] {
  const root = packageRoot();
  return loadPath(join(root, 'scenarios', 'sco'), root);
}
