/**
 * KTAB's Spatial Model of Politics input (CSV; https://github.com/KTAB — examples/smp/doc/*.csv):
 *
 *   <scenario name>,<description>,<number of actors>,<number of dimensions>[,]
 *   Actor,Description,Power,Pstn1,Sal1,Pstn2,Sal2,…[,]
 *   <id>,<description>,<power>,<position 1>,<salience 1>,…[,]
 *
 * Positions and saliences are on 0–100 scales (saliences are divided by 100 here); power is any
 * non-negative number (its shares become the capabilities). The file has no status quo, rule or
 * outcome: the result is a scenario with one issue of `nDims` dimensions, decided by consensus.
 * The header row's names are free (KTAB's own examples say "Influence", "Policy Position"…): the
 * columns are read by their place. Rows with a different number of cells are errors.
 */
import type { ScenarioFileInput } from '../schema.js';
import { formatError, num, rows, toId, trimTrailing } from './table.js';

export function parseKtab(text: string, file: string): ScenarioFileInput {
  const all = rows(text, ',').map((r) => ({ line: r.line, cells: trimTrailing(r.cells) }));
  const head = all[0];
  if (!head || head.cells.length < 4) {
    throw formatError(
      file,
      head?.line ?? 1,
      'the first line must be `name,description,nActors,nDims`',
      'See KTAB examples/smp/doc/dummyData_3Dim.csv.',
      'import.ktab.firstLine',
      { expected: 'name,description,nActors,nDims' },
    );
  }
  const nActors = num(
    file,
    head,
    2,
    'nActors',
    'Give the number of actors as the third field.',
    'ktabActors',
  );
  const nDims = num(file, head, 3, 'nDims', 'Give the number of dimensions as the fourth field.', 'ktabDims');
  if (!Number.isInteger(nActors) || nActors < 1 || !Number.isInteger(nDims) || nDims < 1 || nDims > 16) {
    throw formatError(
      file,
      head.line,
      `nActors ${nActors} and nDims ${nDims} must be positive integers (nDims ≤ 16)`,
      'Fix the first line.',
      'import.ktab.sizes',
      { actors: String(nActors), dims: String(nDims) },
    );
  }
  const header = all[1];
  const width = 3 + 2 * nDims;
  if (!header || header.cells.length !== width) {
    throw formatError(
      file,
      header?.line ?? head.line + 1,
      `the header row has ${header?.cells.length ?? 0} columns; ${nDims} dimension(s) need ${width} (Actor, Description, Power, then a position and a salience per dimension)`,
      'Check nDims on the first line against the columns.',
      'import.ktab.header',
      { count: String(header?.cells.length ?? 0), dims: String(nDims), width: String(width) },
    );
  }
  const data = all.slice(2);
  if (data.length !== nActors) {
    throw formatError(
      file,
      data[data.length - 1]?.line ?? header.line,
      `the first line announces ${nActors} actors; the file has ${data.length} actor rows`,
      'Fix nActors or add/remove rows.',
      'import.ktab.actorCount',
      { actors: String(nActors), rows: String(data.length) },
    );
  }
  const actors: Record<string, { name: string; capability: number }> = {};
  const positions: Record<string, { position: number[]; salience: number[] }> = {};
  for (const r of data) {
    if (r.cells.length !== width) {
      throw formatError(
        file,
        r.line,
        `row has ${r.cells.length} cells; the header has ${width} (ragged row)`,
        'Every actor row needs Actor, Description, Power and a position and salience per dimension.',
        'import.ktab.ragged',
        { count: String(r.cells.length), width: String(width) },
      );
    }
    const id = toId(r.cells[0]!);
    if (actors[id])
      throw formatError(
        file,
        r.line,
        `actor "${id}" appears twice`,
        'Give each actor one row.',
        'import.ktab.actorTwice',
        { id },
      );
    const power = num(file, r, 2, 'Power', 'Power is a non-negative number.', 'power');
    if (power < 0)
      throw formatError(
        file,
        r.line,
        `column Power: ${power} is negative`,
        'Power is a non-negative number.',
        'import.column',
        { column: 'Power', problem: 'negative', value: String(power), advice: 'power' },
      );
    const position: number[] = [];
    const salience: number[] = [];
    for (let d = 0; d < nDims; d++) {
      const p = num(file, r, 3 + 2 * d, `Pstn${d + 1}`, 'Positions are numbers on 0–100.', 'ktabPosition');
      const s = num(file, r, 4 + 2 * d, `Sal${d + 1}`, 'Saliences are numbers on 0–100.', 'ktabSalience');
      if (p < 0 || p > 100)
        throw formatError(
          file,
          r.line,
          `column Pstn${d + 1}: position ${p} is outside the scale [0, 100]`,
          'KTAB positions are on 0–100.',
          'import.column',
          {
            column: `Pstn${d + 1}`,
            problem: 'outsideScale100',
            what: 'position',
            value: String(p),
            advice: 'ktabPositionScale',
          },
        );
      if (s < 0 || s > 100)
        throw formatError(
          file,
          r.line,
          `column Sal${d + 1}: salience ${s} is outside [0, 100]`,
          'KTAB saliences are on 0–100.',
          'import.column',
          {
            column: `Sal${d + 1}`,
            problem: 'outside100',
            what: 'salience',
            value: String(s),
            advice: 'ktabSalienceScale',
          },
        );
      position.push(p);
      salience.push(s / 100);
    }
    actors[id] = { name: r.cells[1] || id, capability: power };
    positions[id] = { position, salience };
  }
  const title = head.cells[0]!;
  return {
    id: toId(title) || 'ktab',
    title,
    description: head.cells[1] || undefined,
    actors,
    issues: [
      nDims === 1
        ? {
            id: toId(header.cells[3]!) || 'issue',
            title: header.cells[3],
            scale: [0, 100],
            positions: expand1(positions),
          }
        : {
            id: toId(title) || 'issue',
            title,
            dimensions: Array.from({ length: nDims }, (_, d) => ({
              id: toId(header.cells[3 + 2 * d]!) || `dim${d + 1}`,
              scale: [0, 100] as [number, number],
            })),
            positions,
          },
    ],
    source: file,
  };
}

function expand1(p: Record<string, { position: number[]; salience: number[] }>) {
  return Object.fromEntries(
    Object.entries(p).map(([k, v]) => [k, { position: v.position[0]!, salience: v.salience[0]! }]),
  );
}
