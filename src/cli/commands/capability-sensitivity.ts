/** `concord forecast FILE --capability-sensitivity`: the file read here, the work in bargaining/. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  type CapabilitySensitivity,
  capabilitySensitivity as sensitivity,
  yardsticksOf,
} from '../../bargaining/capability-sensitivity.js';
import { MODEL_NAMES } from '../../bargaining/forecast.js';
import { ConcordError } from '../../errors.js';
import { parseScenarioText, resolveWithLines } from '../../scenario/load.js';
import type { ModelName } from '../../scenario/schema.js';

/** Capability sensitivity of a scenario file's text (`file` names it in errors). */
export function capabilitySensitivityOfText(
  text: string,
  file: string,
  models: readonly ModelName[] = MODEL_NAMES,
): CapabilitySensitivity {
  const base = parseScenarioText(text, file);
  return sensitivity(
    yardsticksOf(base),
    (capability) => resolveWithLines({ ...base, capability }, file, text),
    base.issues.map((i) => i.id),
    models,
  );
}

export function capabilitySensitivity(
  file: string,
  cwd: string,
  models: readonly ModelName[] = MODEL_NAMES,
): CapabilitySensitivity {
  if (!/\.(ya?ml|json)$/i.test(file))
    throw new ConcordError('E_UNSUPPORTED', '--capability-sensitivity works on scenario files (YAML/JSON)', {
      path: '--capability-sensitivity',
      hint: 'Give capabilities with --capabilities for a table.',
      key: 'cli.capabilitySensitivityFile',
    });
  return capabilitySensitivityOfText(readFileSync(resolve(cwd, file), 'utf8'), file, models);
}
