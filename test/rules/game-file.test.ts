import { describe, expect, it } from 'vitest';
import { isConcordError } from '../../src/errors.js';
import { GameFileSchema, parseGameFile } from '../../src/rules/game.js';
import { validate } from '../../src/util/validate.js';

/** parseGameFile's result or its error, as JSON (key order included). */
function outcome(f: () => unknown): string {
  try {
    return JSON.stringify({ ok: f() });
  } catch (e) {
    if (!isConcordError(e)) throw e;
    return JSON.stringify({ code: e.code, message: e.message, path: e.path, issues: e.issues });
  }
}

describe('parseGameFile: the quick check of plain players gives what GameFileSchema gives', () => {
  const rule = { sum: 'w', atLeast: 3 };
  const cases: Record<string, unknown> = {
    plain: {
      name: 'g',
      players: [
        { id: 'A', w: 1 },
        { id: 'B', w: 2 },
      ],
      rule,
    },
    'keys in another order, a name and several fields': {
      rule,
      players: [
        { w: 1, name: 'Alpha', id: 'A', pop: 0, '7': 3 },
        { pop: 2.5, id: 'B', w: 2 },
      ],
      description: 'd',
    },
    'a duplicate id': {
      players: [
        { id: 'A', w: 1 },
        { id: 'A', w: 2 },
      ],
      rule,
    },
    'a negative weight': { players: [{ id: 'A', w: -1 }], rule },
    'a string weight': { players: [{ id: 'A', w: '1' }], rule },
    'a null name': { players: [{ id: 'A', name: null, w: 1 }], rule },
    'an empty id': { players: [{ id: '', w: 1 }], rule },
    'a long id': { players: [{ id: 'x'.repeat(65), w: 1 }], rule },
    'no players': { players: [], rule },
    'a player that is not an object': { players: [{ id: 'A', w: 1 }, 3], rule },
    'no rule': { players: [{ id: 'A', w: 1 }] },
    'players and organization': { players: [{ id: 'A', w: 1 }], organization: 'sco', rule },
    'players and at': { players: [{ id: 'A', w: 1 }], at: '2020-01-01', rule },
    'an unknown key': { players: [{ id: 'A', w: 1 }], rule, extra: 1 },
    'a bad rule': { players: [{ id: 'A', w: 1 }], rule: { sum: 'w' } },
    'a bad rule and a bad player': { players: [{ id: 'A', w: -1 }], rule: { sum: 'w' } },
    'a __proto__ field': { players: [JSON.parse('{"id":"A","__proto__":1}')], rule },
    'unions and literature': {
      players: [
        { id: 'A', w: 1 },
        { id: 'B', w: 2 },
      ],
      rule,
      unions: [['A', 'B']],
      literature: [{ quantity: 'q', value: 1, source: 's' }],
    },
  };
  for (const [name, game] of Object.entries(cases)) {
    it(name, () => {
      // a JSON text not seen before (the validated-output cache does not know it)
      const text = JSON.stringify(game);
      expect(outcome(() => parseGameFile(text, 'g.json'))).toBe(
        outcome(() => validate(GameFileSchema, JSON.parse(text), 'g.json')),
      );
    });
  }
});
