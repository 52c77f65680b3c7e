/** Parsing claims files (pure) and reading the built-in one (Node). */
import { readText } from '../data/load.js';
import { parseYamlText, validate } from '../util/validate.js';
import { type ClaimsFile, ClaimsFileSchema } from './schema.js';

export const DEFAULT_CLAIMS = 'data/claims/nurimbetov-2021.yaml';

export function parseClaims(text: string, file: string): ClaimsFile {
  return validate(ClaimsFileSchema, parseYamlText(text, file), file);
}

export function loadDefaultClaims(): ClaimsFile {
  return parseClaims(readText(DEFAULT_CLAIMS), DEFAULT_CLAIMS);
}
