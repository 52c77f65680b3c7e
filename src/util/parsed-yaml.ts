/**
 * The hook through which parseYamlText (./validate.ts) finds texts parsed at build time (see
 * src/data/yaml-cache.ts). Kept apart from ./validate.ts so that installing it loads no YAML parser.
 */

/** Already-parsed texts: a fresh value for a text, or undefined. */
export type ParsedYamlCache = (text: string) => unknown;

let cache: ParsedYamlCache | undefined;

/** Installs the cache parseYamlText consults first (undefined removes it). */
export function setParsedYamlCache(c: ParsedYamlCache | undefined): void {
  cache = c;
}

/** The cached value of a text, or undefined. */
export function parsedYaml(text: string): unknown {
  return cache?.(text);
}

/**
 * Texts validated at build time: for a shipped file and the id of the schema it is validated
 * against (`organization`, `game`), the schema's output, fresh. Undefined when not known.
 */
export type ValidatedCache = (text: string, schemaId: string) => unknown;
/** Called with every validation parseAndValidate performs (the build records them). */
export type ValidatedRecorder = (text: string, schemaId: string, output: unknown) => void;

let validatedCache: ValidatedCache | undefined;
let recorder: ValidatedRecorder | undefined;

export function setValidatedCache(c: ValidatedCache | undefined, r?: ValidatedRecorder): void {
  validatedCache = c;
  recorder = r;
}

export function validatedYaml(text: string, schemaId: string): unknown {
  return validatedCache?.(text, schemaId);
}

export function recordValidated(text: string, schemaId: string, output: unknown): void {
  recorder?.(text, schemaId, output);
}
