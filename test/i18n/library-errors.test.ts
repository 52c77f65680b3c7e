/**
 * The library's errors in Russian and Chinese. Each case throws a real ConcordError of the library
 * (power, balance, alignment, scenario and its importers, org, rules, report): its English message
 * and hint are exactly what the `errors` catalogue's English entry gives for its key and values
 * (tests and clients match on the English text), and in ru and zh the message is the catalogue's,
 * not English, with the code and the path unchanged. The CLI cases run `concord … --lang ru|zh`
 * in-process (src/cli/io.ts) on bad input and read the printed error.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  alignOrganization,
  alignPositions,
  selectRollCalls,
  windowBound,
} from '../../src/alignment/analysis.js';
import { loadVoteData } from '../../src/alignment/load.js';
import { meanAndSe } from '../../src/alignment/measures.js';
import { rescale } from '../../src/alignment/positions.js';
import { balance } from '../../src/balance/balance.js';
import { yardstick } from '../../src/balance/yardsticks.js';
import { loadDataset } from '../../src/data/load.js';
import { ConcordError } from '../../src/errors.js';
import { formatKeyedError, localizeError, prepareErrorLocale } from '../../src/i18n/errors.js';
import { loadOrganizations } from '../../src/org/load.js';
import { dateConvention } from '../../src/org/organization.js';
import { organizationPlayers } from '../../src/org/players.js';
import { checkOrganization } from '../../src/org/registry.js';
import { designWeights } from '../../src/power/design.js';
import { parseIndexList } from '../../src/power/indices.js';
import { parseUnions } from '../../src/power/owen.js';
import { computePower } from '../../src/power/power.js';
import { quotaSweep } from '../../src/power/quota.js';
import { orgWeightedInput, parseQuotaIndices } from '../../src/power/quota-input.js';
import { parseConstraint, reform } from '../../src/power/reform.js';
import { briefingStage } from '../../src/report/briefing.js';
import { compile } from '../../src/rules/compile.js';
import { gameFromPlayers } from '../../src/rules/game.js';
import { loadBuiltinGameFile, readRule } from '../../src/rules/load.js';
import { parseCapabilities } from '../../src/scenario/import/deu.js';
import { importScenarios } from '../../src/scenario/import/index.js';
import { loadFile, loadPath, parseScenarioText, resolveWithLines } from '../../src/scenario/load.js';
import { run } from '../helpers/cli.js';

const CYRILLIC = /[А-Яа-яЁё]/;
const HAN = /[\u4e00-\u9fff]/;

function thrown(f: () => unknown): ConcordError {
  try {
    f();
  } catch (e) {
    if (e instanceof ConcordError) return e;
    throw e;
  }
  throw new Error('did not throw');
}

/** The English catalogue words the error as thrown; ru and zh word it in their language. */
function expectLocalized(e: ConcordError, key: string): void {
  expect(e.key).toBe(key);
  const en = formatKeyedError(e, 'en');
  expect(en, `no catalogue entry for ${e.key}`).toBeDefined();
  expect(en!.message).toBe(e.message);
  expect(en!.hint).toBe(e.hint);
  const ru = localizeError(e, 'ru');
  const zh = localizeError(e, 'zh-Hans');
  for (const [l, re] of [
    [ru, CYRILLIC],
    [zh, HAN],
  ] as const) {
    expect(l.code).toBe(e.code);
    expect(l.path).toBe(e.path);
    expect(l.message).not.toBe(e.message);
    expect(l.message).toMatch(re);
    if (e.hint) expect(l.hint).toMatch(re);
  }
}

const scenario = (yaml: string) => parseScenarioText(yaml, 'bad.yaml');
const resolveText = (yaml: string) => resolveWithLines(scenario(yaml), 'bad.yaml', yaml);

const CASES: Array<[string, string, () => unknown]> = [
  // power
  ['power.notAnIndex', 'unknown index name', () => parseIndexList('banzaf', '--index')],
  ['power.owen.overlap', 'unions overlap', () => parseUnions('A,B;B', ['A', 'B', 'C'], '--unions')],
  ['power.reform.notAConstraint', 'not a constraint', () => parseConstraint('passage=1', '--constraint[0]')],
  [
    'power.reform.shareOutside',
    'share outside [0, 1]',
    () => parseConstraint('passage>=1.5', '--constraint[0]'),
  ],
  // rules
  [
    'rules.quotaAboveTotal',
    'quota above the total',
    () => compile({ count: { atLeast: 4 } }, [{ id: 'A' }, { id: 'B' }, { id: 'C' }]),
  ],
  ['rules.notARuleSpec', 'a bad --rule', () => readRule('no-such-rule', process.cwd())],
  // balance
  ['balance.unknownMeasure', 'unknown measure', () => yardstick('gdpp')],
  // alignment
  ['alignment.badWindowBound', 'not a year', () => windowBound('spring', 'from')],
  // org
  [
    'org.check.statusEnd',
    'a status ending before it starts',
    () => {
      const sco = loadOrganizations().get('sco');
      const bad = { ...sco.memberships[0]!, from: '2001-06-15', to: '2000-01-01' };
      checkOrganization({ ...sco, memberships: [...sco.memberships, bad] }, 'sco.yaml');
    },
  ],
  // scenario: the resolver, the line added by the loader, a wrapped rule error
  [
    'scenario.outsideScale',
    'a position outside the scale',
    () =>
      resolveText(
        'id: t\nactors: { A: {}, B: {} }\nissues:\n  - id: x\n    scale: [0, 10]\n    positions:\n      A: { position: 12, salience: 1 }\n      B: { position: 1, salience: 1 }\n',
      ),
  ],
  [
    'scenario.inFile',
    'a rule naming no player, wrapped with the file',
    () =>
      resolveText(
        'id: t\nactors: { A: {}, B: {} }\nrule: { consensusMinus: [Z] }\nissues:\n  - id: x\n    positions:\n      A: { position: 1, salience: 1 }\n      B: { position: 2, salience: 1 }\n',
      ),
  ],
  ['scenario.schema', 'a schema error with its line', () => scenario('id: t\nissues: 3\n')],
  // importers: DECIDE, KTAB, DEU, long table
  [
    'import.decide.recordType',
    'a DECIDE line without a record type',
    () => importScenarios("#A\tA\n'X'\tB\n", 'x.txt', { format: 'decide' }),
  ],
  [
    'import.column',
    'a DECIDE power that is not a number',
    () =>
      importScenarios('#A\tA\tAlpha\n#P\tp\tIssue\n#D\tA\tp\t50\t0.5\tlots\n', 'x.txt', { format: 'decide' }),
  ],
  [
    'import.ktab.firstLine',
    'a KTAB file without its first line',
    () => importScenarios('x\n', 'k.csv', { format: 'ktab' }),
  ],
  [
    'import.deu.noActor',
    'a DEU table without actor columns',
    () => importScenarios('id,title\n1,x\n', 'd.csv', { format: 'deu' }),
  ],
  [
    'import.long.unknownColumn',
    'a long table with an unknown column',
    () => importScenarios('actor,issue,position,salience,colour\nA,x,1,1,red\n', 'l.csv', { format: 'long' }),
  ],
  ['import.unknownFormat', 'a file of no known format', () => importScenarios('hello world\n', 'x.txt')],
];

const sco = () => loadOrganizations().get('sco');
const five = () => loadOrganizations().get('shanghai-five');
const decideText = (body: string) => () => importScenarios(body, 'x.txt', { format: 'decide' });
const longText = (body: string) => () => importScenarios(body, 'l.csv', { format: 'long' });
const ktabText = (body: string) => () => importScenarios(body, 'k.csv', { format: 'ktab' });
const yamlIssue = (
  extra: string,
  positions = 'A: { position: 1, salience: 1 }\n      B: { position: 2, salience: 1 }',
) => `id: t\nactors: { A: {}, B: {} }\nissues:\n  - id: x\n${extra}    positions:\n      ${positions}\n`;

/** More errors, each one throw site, for the English check (and ru/zh present). */
const MORE: Array<[string, () => unknown]> = [
  ['org.dissolved', () => organizationPlayers(five(), loadDataset(), '2010-01-01')],
  ['org.addAlreadyMember', () => organizationPlayers(sco(), loadDataset(), '2024-07-04', ['CHN'])],
  ['org.badDateConvention', () => dateConvention('summit')],
  ['report.unknownBriefing', () => briefingStage(sco(), 'no-such')],
  ['alignment.notFinite', () => meanAndSe([1, Number.NaN], 'ai')],
  [
    'alignment.badScale',
    () => rescale({ actors: ['A'], issues: [{ id: 'x', scale: [5, 1] }], values: [[1]] }),
  ],
  ['power.reform.notAShare', () => parseConstraint('passage>=lots', '--constraint[0]')],
  ['power.reform.noMember', () => parseConstraint('veto:', '--constraint[0]')],
  ['power.reform.memberTwice', () => parseConstraint('veto:KAZ,KAZ', '--constraint[0]')],
  ['power.reform.notAShareIndex', () => parseConstraint('maxshare:holler<=0.3', '--constraint[0]')],
  ['power.design.badTarget', () => designWeights([0.5, -0.5, 1])],
  ['power.design.targetSum', () => designWeights([0.5, 0.2])],
  ['power.design.badQuota', () => designWeights([0.5, 0.5], { quota: 1.5 })],
  ['power.design.badResolution', () => designWeights([0.5, 0.5], { resolution: 1 })],
  ['power.owen.noUnion', () => parseUnions('', ['A', 'B'], '--unions')],
  ['power.owen.notAPlayer', () => parseUnions('A,Z', ['A', 'B'], '--unions')],
  ['power.noIndex', () => parseIndexList(',', '--index')],
  ['power.quota.notAnIndex', () => parseQuotaIndices('johnston')],
  ['power.quota.noIndex', () => parseQuotaIndices(',')],
  ['power.quota.range', () => quotaSweep(['A', 'B'], [1, 2], { from: 2, to: 1 })],
  [
    'power.quota.notAWeight',
    () => orgWeightedInput('sco', '2024-07-04', 'area', loadOrganizations, loadDataset),
  ],
  ['rules.notAPlayer', () => compile({ consensusMinus: ['Z'] }, [{ id: 'A' }, { id: 'B' }])],
  ['rules.duplicateId', () => compile('consensus', [{ id: 'A' }, { id: 'A' }])],
  ['rules.noPlayers', () => compile('consensus', [])],
  ['rules.unknownField', () => compile({ sum: 'votes', atLeast: 1 }, [{ id: 'A' }, { id: 'B' }])],
  ['rules.unusableField', () => compile({ sum: 'votes', atLeast: 1 }, [{ id: 'A', votes: 1 }, { id: 'B' }])],
  [
    'rules.quotaAboveTotal',
    () =>
      compile({ sum: 'votes', atLeast: 5 }, [
        { id: 'A', votes: 1 },
        { id: 'B', votes: 2 },
      ] as never),
  ],
  ['scenario.noActors', () => resolveText('id: t\nissues:\n  - id: x\n    positions: {}\n')],
  [
    'scenario.issueTwice',
    () =>
      resolveText(
        `${yamlIssue('')}  - id: x\n    positions:\n      A: { position: 1, salience: 1 }\n      B: { position: 2, salience: 1 }\n`,
      ),
  ],
  ['scenario.takeItNeedsProposal', () => resolveText(yamlIssue('    amendable: false\n    statusQuo: 1\n'))],
  ['scenario.takeItNeedsStatusQuo', () => resolveText(yamlIssue('    amendable: false\n    proposal: 1\n'))],
  ['scenario.optOutNeedsProposer', () => resolveText(yamlIssue('    optOut: true\n    statusQuo: 1\n'))],
  ['scenario.pointDimensions', () => resolveText(yamlIssue('    statusQuo: [1, 2]\n'))],
  ['scenario.unknownActor', () => resolveText(yamlIssue('    proposer: Z\n'))],
  [
    'scenario.proposerNoPosition',
    () => resolveText(yamlIssue('    proposer: B\n', 'A: { position: 1, salience: 1 }\n      B: null')),
  ],
  [
    'scenario.allZero',
    () =>
      resolveText(
        yamlIssue('').replace('{ A: {}, B: {} }', '{ A: { capability: 0 }, B: { capability: 0 } }'),
      ),
  ],
  [
    'scenario.needsDate',
    () => resolveText(`organization: sco\n${yamlIssue('').replace('actors: { A: {}, B: {} }\n', '')}`),
  ],
  ['scenario.aliases', () => scenario(`a: &a [1, 2]\nb: [${'*a, '.repeat(120)}*a]\n`)],
  ['yamlSyntax', () => scenario('id: [\n')],
  ['import.decide.actorTwice', decideText('#A\tA\tAlpha\n#A\tA\tAgain\n')],
  ['import.decide.issueTwice', decideText('#P\tp\tIssue\n#P\tp\tAgain\n')],
  ['import.decide.markUnknownIssue', decideText('#M\tq\t0\tlow\n')],
  ['import.decide.tooFewCells', decideText('#A\n')],
  ['import.decide.tooManyCells', decideText('#D\tA\tp\t1\t1\t1\tnote\textra\n')],
  ['import.decide.unknownRecord', decideText('#Q\tA\n')],
  ['import.decide.empty', decideText('#O\tTitle\n')],
  [
    'import.decide.twoLines',
    decideText('#A\tA\tAlpha\n#P\tp\tIssue\n#D\tA\tp\t1\t0.5\t1\n#D\tA\tp\t2\t0.5\t1\n'),
  ],
  ['import.column', decideText('#A\tA\tAlpha\n#P\tp\tIssue\n#D\tZ\tp\t1\t0.5\t1\n')],
  ['import.column', decideText('#A\tA\tAlpha\n#P\tp\tIssue\n#D\tA\tp\t1\t0.5\t-1\n')],
  [
    'import.column',
    decideText(
      '#A\tA\tAlpha\n#A\tB\tBeta\n#P\tp\tIssue\n#M\tp\t0\tlow\n#M\tp\t10\thigh\n#D\tA\tp\t20\t0.5\t1\n#D\tB\tp\t5\t0.5\t1\n',
    ),
  ],
  ['import.ktab.sizes', ktabText('n,d,0,1\n')],
  ['import.ktab.header', ktabText('n,d,2,1\nActor,Description,Power\n')],
  ['import.ktab.actorCount', ktabText('n,d,2,1\nActor,Description,Power,Pstn1,Sal1\nA,a,1,50,50\n')],
  [
    'import.ktab.actorTwice',
    ktabText('n,d,2,1\nActor,Description,Power,Pstn1,Sal1\nA,a,1,50,50\nA,a,1,50,50\n'),
  ],
  ['import.column', ktabText('n,d,2,1\nActor,Description,Power,Pstn1,Sal1\nA,a,1,150,50\nB,b,1,50,50\n')],
  ['import.column', ktabText('n,d,2,1\nActor,Description,Power,Pstn1,Sal1\nA,a,1,50,150\nB,b,1,50,50\n')],
  ['import.column', ktabText('n,d,2,1\nActor,Description,Power,Pstn1,Sal1\nA,a,x,50,50\nB,b,1,50,50\n')],
  ['import.long.empty', longText('\n')],
  ['import.long.missingColumn', longText('actor,issue,position\nA,x,1\n')],
  ['import.long.columnTwice', longText('actor,issue,position,salience,Position\nA,x,1,1,1\n')],
  ['import.long.noRows', longText('actor,issue,position,salience\n')],
  ['import.long.ragged', longText('actor,issue,position,salience\nA,x,1\n')],
  ['import.column', longText('actor,issue,position,salience\n,x,1,1\n')],
  ['import.column', longText('actor,issue,position,salience\nA,x,lots,1\n')],
  ['import.column', longText('actor,issue,position,salience\nA,x,1,1\nA,x,2,1\n')],
  ['import.column', longText('actor,issue,position,salience\nA,x,1,\n')],
  ['import.column', longText('actor,issue,position,salience,statusQuo\nA,x,1,1,5\nB,x,2,1,6\n')],
  ['import.column', longText('actor,issue,position,salience,capability\nA,x,1,1,1\nB,x,2,1,\n')],
  ['import.column', longText('actor,issue,position,salience,scaleMin,scaleMax\nA,x,1,1,5,5\n')],
  ['import.column', longText('actor,issue,position,salience,proposer\nA,x,1,1,Z\nB,x,2,1,Z\n')],
  ['import.column', longText('actor,issue,position,salience\nA,x,150,1\n')],
  ['import.deu.empty', () => importScenarios('# only a comment\n', 'd.csv', { format: 'deu' })],
  ['import.deu.columnTwice', () => importScenarios('id,pfr,sfr,id\n1,1,1,2\n', 'd.csv', { format: 'deu' })],
  ['import.deu.ragged', () => importScenarios('id,pfr,sfr,pde,sde\n1,50,50\n', 'd.csv', { format: 'deu' })],
  [
    'import.column',
    () => importScenarios('id,pfr,sfr,pde,sde\n1,150,50,50,50\n', 'd.csv', { format: 'deu' }),
  ],
  ['import.column', () => importScenarios('id,pfr,sfr,pde,sde\n1,5x,50,50,50\n', 'd.csv', { format: 'deu' })],
  [
    'import.column',
    () => importScenarios('id,pfr,sfr,pde,sde\n1,50,50,50,50\n1,50,50,50,50\n', 'd.csv', { format: 'deu' }),
  ],
  [
    'import.deu.noIssue',
    () => importScenarios('id,pfr,sfr,pde,sde\n1,50,50,,\n', 'd.csv', { format: 'deu' }),
  ],
  ['import.capabilities.notMapping', () => parseCapabilities('[1, 2]', 'caps.yaml')],
  ['import.capabilities.badValue', () => parseCapabilities('{ FR: -1 }', 'caps.yaml')],
  ['import.capabilities.yaml', () => parseCapabilities('{ FR: [', 'caps.yaml')],
  ['import.capabilities.cells', () => parseCapabilities('FR,1,2\n', 'caps.csv')],
  ['import.capabilities.none', () => parseCapabilities('actor,capability\n', 'caps.csv')],
  ['import.column', () => parseCapabilities('FR,-1\n', 'caps.csv')],
  ['import.notText', () => importScenarios('a\u0000b', 'x.csv')],
];

const eec = () => gameFromPlayers(loadBuiltinGameFile('eec-1958'), 'eec-1958');
const votes = () => loadVoteData();
const withSco = (change: (o: ReturnType<typeof sco>) => object) => () =>
  checkOrganization({ ...sco(), ...change(sco()) } as never, 'sco.yaml');
const withEu = (change: (o: ReturnType<typeof sco>) => object) => () => {
  const eu = loadOrganizations().get('eu-council');
  checkOrganization({ ...eu, ...change(eu) } as never, 'eu-council.yaml');
};
const emptyDir = mkdtempSync(join(tmpdir(), 'concord-empty-'));
const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]);

/** The rest that a call can reach. */
const REST: Array<[string, () => unknown]> = [
  ['org.check.chairEnd', withSco((o) => ({ chairs: [{ ...o.chairs[0]!, to: '1990-01-01' }] }))],
  ['org.check.chairsOverlap', withSco((o) => ({ chairs: [o.chairs[1]!, o.chairs[0]!] }))],
  [
    'org.check.ruleEnd',
    withEu((o) => ({ rules: [{ ...o.rules[0]!, to: '1950-01-01' }, ...o.rules.slice(1)] })),
  ],
  [
    'org.check.duplicateRule',
    withEu((o) => ({
      rules: [
        ...o.rules.slice(0, -1),
        { ...o.rules.at(-1)!, to: '2099-01-01' },
        { ...o.rules[0]!, from: '2099-01-01', to: null },
      ],
    })),
  ],
  [
    'org.check.afterDissolution',
    () =>
      checkOrganization(
        { ...five(), memberships: [{ ...five().memberships[0]!, from: '2005-01-01', to: null }] },
        'five.yaml',
      ),
  ],
  ['alignment.badScope', () => selectRollCalls(votes(), { scope: 'some' as never })],
  ['alignment.badStageYears', () => alignOrganization(votes(), sco(), { stageYears: 500 })],
  ['alignment.noRollCalls', () => selectRollCalls(votes(), { from: 1964, to: 1964 })],
  ['alignment.unknownTopic', () => selectRollCalls(votes(), { topic: 'gardening' })],
  ['alignment.fromAfterTo', () => selectRollCalls(votes(), { from: 2010, to: 2000 })],
  [
    'power.reform.beforeFirstStage',
    () => reform(sco(), loadDataset(), { constraints: [], at: '1990-01-01' }),
  ],
  [
    'power.reform.tooManyConstraints',
    () =>
      reform(sco(), loadDataset(), { constraints: Array(13).fill(parseConstraint('passage>=0.05', 'c')) }),
  ],
  [
    'power.reform.tooManyBlocs',
    () =>
      reform(sco(), loadDataset(), { constraints: [], blocs: [['CHN'], ['RUS'], ['KAZ'], ['KGZ'], ['TJK']] }),
  ],
  [
    'power.reform.blocsOverlap',
    () => reform(sco(), loadDataset(), { constraints: [], blocs: [['CHN', 'RUS'], ['RUS']] }),
  ],
  ['power.reform.noStageMember', () => reform(sco(), loadDataset(), { constraints: [], blocs: [['USA']] })],
  ['power.tooFewSamples', () => computePower(eec(), { method: 'montecarlo', samples: 5 })],
  ['power.quota.range', () => quotaSweep(['A', 'B'], [1, 2], { from: 0 })],
  ['power.quota.range', () => quotaSweep(['A', 'B'], [1, 2], { step: 0 })],
  [
    'scenario.outcomeTwice',
    () => resolveText(`outcome: { adopted: true }\n${yamlIssue('    outcome: { adopted: false }\n')}`),
  ],
  ['scenario.scaleTooLarge', () => resolveText(yamlIssue('    scale: [0, 1e200]\n'))],
  [
    'scenario.sourceZero',
    () =>
      resolveText(
        `capability: votes\n${yamlIssue('').replace('{ A: {}, B: {} }', '{ A: { fields: { votes: 0 } }, B: { fields: { votes: 0 } } }')}`,
      ),
  ],
  ['scenario.capabilityField', () => resolveText(`capability: votes\n${yamlIssue('')}`)],
  [
    'scenario.overridesTooLarge',
    () =>
      resolveText(
        `capability: votes\n${yamlIssue('').replace('{ A: {}, B: {} }', '{ A: { capability: 1 }, B: { fields: { votes: 1 } } }')}`,
      ),
  ],
  ['scenario.emptyDirectory', () => loadPath(emptyDir, process.cwd())],
  [
    'scenario.badDefaultSalience',
    () => loadFile('scenarios/examples/car.yaml', process.cwd(), { defaultSalience: 200 }),
  ],
  [
    'power.enumerationLimit',
    () => {
      const players = Array.from({ length: 26 }, (_, k) => ({ id: `P${k}` }));
      return computePower({ name: 'g', players, rule: 'consensus' } as never, { method: 'enumerate' });
    },
  ],
  [
    'power.quota.playerLimit',
    () =>
      quotaSweep(
        Array.from({ length: 53 }, (_, k) => `P${k}`),
        Array(53).fill(1),
      ),
  ],
  ['power.quota.tooManyRows', () => quotaSweep(['A', 'B'], [30_000, 30_000])],
  [
    'alignment.pairNotCompared',
    () => alignOrganization(votes(), sco(), { pair: ['CHN', 'USA'], from: 2020 }),
  ],
  ['alignment.tooFewActors', () => alignPositions({ actors: ['A'], issues: [], values: [[]] })],
  ['import.workbookNotLong', () => importScenarios(zip, 'x.xlsx', { format: 'decide' })],
];

describe('library errors: English as thrown, Russian and Chinese from the catalogue', () => {
  beforeAll(async () => {
    await prepareErrorLocale('ru');
    await prepareErrorLocale('zh-Hans');
  });
  for (const [key, what, f] of CASES) {
    it(`${what} (${key})`, () => expectLocalized(thrown(f), key));
  }

  MORE.forEach(([key, f], i) => {
    it(`${key} (case ${i + 1} of the second list)`, () => expectLocalized(thrown(f), key));
  });

  REST.forEach(([key, f], i) => {
    it(`${key} (case ${i + 1} of the third list)`, () => expectLocalized(thrown(f), key));
  });

  it('the loader adds the line and keeps the key (scenario.noEntry at bad.yaml:6)', () => {
    const e = thrown(() =>
      resolveText(
        'id: t\nactors: { A: {}, B: {} }\nissues:\n  - id: x\n    positions:\n      A: { position: 1, salience: 1 }\n',
      ),
    );
    expect(e.message.startsWith('bad.yaml:')).toBe(true);
    expectLocalized(e, 'scenario.noEntry');
    expect(localizeError(e, 'ru').message).toMatch(
      /^bad\.yaml:\d+: issues\[0\]\.positions\.B: для B нет записи/,
    );
  });

  it('balance and dates on the real SCO and data set', () => {
    const sco = loadOrganizations().get('sco');
    const ds = loadDataset();
    expectLocalized(
      thrown(() => balance(sco, ds, { measure: 'gdp', from: 2020, to: 2010 })),
      'balance.fromAfterTo',
    );
    expectLocalized(
      thrown(() => balance(sco, ds, { measure: 'gdp', from: 1990, to: 1995 })),
      'balance.beforeFounding',
    );
  });
});

describe('the CLI prints library errors in --lang', () => {
  const dir = mkdtempSync(join(tmpdir(), 'concord-lib-errors-'));
  const decide = join(dir, 'bad-decide.txt');
  writeFileSync(
    decide,
    '#A\tA\tAlpha\n#A\tB\tBeta\n#P\tp\tIssue\n#D\tA\tp\t50\t1.5\t1\n#D\tB\tp\t40\t0.5\t1\n',
  );

  const cases: Array<[string, string[], string, RegExp, RegExp]> = [
    // name, argv, code, Russian, Chinese
    [
      'a malformed DECIDE file',
      ['forecast', decide, '--format', 'decide'],
      'E_FILE_FORMAT',
      /bad-decide\.txt:4: столбец salience: 1\.5 — вне \[0, 1\]/,
      /bad-decide\.txt:4：列 salience：1\.5 超出 \[0, 1\]/,
    ],
    [
      'an unknown index name',
      ['power', 'eec-1958', '--index', 'banzaf'],
      'E_USAGE',
      /--index: «banzaf» — не индекс влияния/,
      /--index：“banzaf”不是权力指数/,
    ],
    [
      'a bad rule',
      ['power', 'eec-1958', '--rule', 'no-such-rule'],
      'E_USAGE',
      /не имя правила/,
      /既不是规则名称/,
    ],
    [
      'a bad quota range',
      ['quota', 'eec-1958', '--from', '0'],
      'E_USAGE',
      /--from: 0 — вне 1\.\.17/,
      /--from：0 超出 1\.\.17/,
    ],
    [
      'an unknown measure',
      ['balance', 'sco', '--measure', 'gdpp'],
      'E_USAGE',
      /неизвестный показатель/,
      /未知指标/,
    ],
    [
      'a window outside the UN vote data',
      ['alignment', 'sco', '--from', '1930', '--bootstrap', '0'],
      'E_NO_DATA',
      /--from 1930 — вне данных: данные о голосованиях в ООН/,
      /--from 1930 超出数据范围：联合国投票数据/,
    ],
    [
      'a member added to its own organization',
      ['balance', 'sco', '--with', 'CHN'],
      'E_USAGE',
      /уже является членом/,
      /已是成员国/,
    ],
    [
      'a bad reform constraint',
      ['reform', 'sco', '--constraint', 'passage=1'],
      'E_USAGE',
      /«passage=1» — не ограничение/,
      /“passage=1”不是约束条件/,
    ],
  ];
  for (const [name, argv, code, ru, zh] of cases) {
    it(`${name}: the code and path as in English, the message in ru and zh`, async () => {
      const en = await run(...argv);
      expect(en.code).toBe(2);
      expect(en.err).toContain(`error [${code}]`);
      const r = await run(...argv, '--lang', 'ru');
      expect(r.code).toBe(2);
      expect(r.err).toContain(`[${code}]`);
      expect(r.err).toMatch(ru);
      const z = await run(...argv, '--lang', 'zh');
      expect(z.code).toBe(2);
      expect(z.err).toContain(`[${code}]`);
      expect(z.err).toMatch(zh);
      // the English message is no longer what ru and zh print
      const enMessage = /error \[[A-Z_]+\] (.*)/.exec(en.err)![1]!;
      expect(r.err).not.toContain(enMessage);
      expect(z.err).not.toContain(enMessage);
    });
  }
});
