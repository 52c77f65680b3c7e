/**
 * parseYamlText reads a JSON text with JSON.parse (src/util/validate.ts): the value is the one the
 * YAML parser gives for any JSON value (fast-check), and a JSON text the YAML parser rejects — a key
 * repeated in an object — still gets the YAML parser's error, with its line.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseYamlText } from '../../src/util/validate.js';

describe('parseYamlText on JSON', () => {
  it('gives what the YAML parser gives, for any JSON object or array, compact or indented', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.dictionary(fc.string(), fc.jsonValue()), fc.array(fc.jsonValue())),
        fc.boolean(),
        (value, indent) => {
          const text = JSON.stringify(value, null, indent ? 2 : undefined);
          expect(parseYamlText(text, 'x.json')).toEqual(parseYaml(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps the edge cases of both: __proto__ as an own key, escapes, -0, numbers past 2^53', () => {
    const text =
      '{"__proto__": {"x": 1}, "s": "\\ud83d\\ude00 \\/ \\u00e9 \\"q\\" a:b", "z": -0, "big": 12345678901234567890}';
    const v = parseYamlText(text, 'x.json') as Record<string, unknown>;
    expect(v).toEqual(parseYaml(text));
    expect(Object.keys(v)).toEqual(['__proto__', 's', 'z', 'big']);
    expect(Object.is(v.z, -0)).toBe(true);
  });

  it("a repeated key is the YAML parser's error, with its line", () => {
    expect(() => parseYamlText('{\n  "a": 1,\n  "b": {"c": 2, "c": 3}\n}', 'dup.json')).toThrow(
      /dup\.json:3: not valid YAML or JSON: Map keys must be unique/,
    );
  });

  it('text that is not JSON (YAML, or JSON with a syntax error) goes to the YAML parser as before', () => {
    expect(parseYamlText('{a: 1, b: [x, y]}', 'flow.yaml')).toEqual({ a: 1, b: ['x', 'y'] });
    expect(parseYamlText('{"n": 00}', 'x.json')).toEqual({ n: 0 });
    expect(() => parseYamlText('{"a": [1, 2}', 'bad.json')).toThrow(/bad\.json:1: not valid YAML or JSON/);
  });
});
