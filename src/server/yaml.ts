/**
 * YAML request bodies (scenario, game and claims files as users keep them). Same parser and limits
 * as the CLI's `parseYamlText`, but quiet: a client's odd tags must not write warnings into the
 * server's log.
 */
import { parse, YAMLParseError } from 'yaml';
import { ConcordError } from '../errors.js';

export function parseYamlBody(text: string): unknown {
  try {
    return parse(text, { prettyErrors: true, maxAliasCount: 100, logLevel: 'error' });
  } catch (e) {
    const line = e instanceof YAMLParseError && e.linePos ? `:${e.linePos[0].line}` : '';
    const where = `body${line}`;
    const detail = (e as Error).message.split('\n')[0] ?? '';
    throw new ConcordError('E_FILE_FORMAT', `${where}: not valid YAML or JSON: ${detail}`, {
      path: where,
      hint: 'Check the indentation and quoting at that line.',
      cause: e,
      key: 'yamlSyntax',
      values: { where, detail },
    });
  }
}
