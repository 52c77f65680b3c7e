/**
 * `forecast`, `backtest`, `sweep` (and the exchange model's rounds, the long-computation notice) in
 * Russian and Chinese, through the injected IO: the catalogues' headings and labels are printed,
 * no English word of the labels is left (what remains in Latin letters is data or library text —
 * ids, ISO3 codes, the JSON's own strings such as explanations and rule descriptions, the issues'
 * poles — or a code such as SMP or GDP), and JSON and CSV do not change with the language.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseExchangeRun, parseModels, parseNash } from '../../src/cli/commands/forecast.js';
import { formatMs, warnIfLong } from '../../src/cli/estimate.js';
import { memoryIO } from '../../src/cli/io.js';
import { ConcordError } from '../../src/errors.js';
import { translator } from '../../src/i18n/index.js';
import { cliPower } from '../../src/i18n/messages/cli-power/index.js';
import { errors } from '../../src/i18n/messages/errors/index.js';
import { loadFile } from '../../src/scenario/load.js';
import { run } from '../helpers/cli.js';

const SAMARKAND = 'scenarios/sco/11-samarkand-2022.yaml';
const IRAN = 'scenarios/sco/13-iran-admission-2023.yaml';
const TIANJIN = 'scenarios/sco/17-tianjin-2025.yaml';
const CAR = 'scenarios/examples/car.yaml';
const DEU = 'scenarios/examples/deu-format-example.tsv';

/** Codes and names that stay in Latin letters in every language (not words of the labels). */
const CODES = new Set([
  'SMP',
  'GDP',
  'CINC',
  'Concord',
  'Saltelli',
  'Jansen',
  'Thomson',
  'Stokman',
  'Achen',
  'König',
  'DEU',
]);

/** Field names of the scenario files, quoted as such in the backtest's subsets and coder notes. */
const FIELDS = new Set([
  'sourceDate',
  'coders',
  'inferred',
  'coded',
  'independent',
  'false',
  'uncertainty',
  'statusQuo',
]);

/**
 * The fields of the JSON outputs that hold the library's own sentences (explanations, rule and
 * subset descriptions, the models', loader's, sweep's and alignment's notes): the human output
 * prints them in the language, so they are not taken out as data.
 */
const LIBRARY_TEXT = new Set([
  'explanation',
  'description',
  'rule',
  'note',
  'notes',
  'capabilityNote',
  'uncertainty',
  'adapterLabel',
  'warnings',
  'zero',
  'reason',
]);

/** Every string of a JSON document but the library's sentences (the data's own text, ids). */
function jsonStrings(text: string): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) for (const x of v) walk(x);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) if (!LIBRARY_TEXT.has(k)) walk(x);
  };
  walk(JSON.parse(text));
  return out;
}

/** The issues' poles of the scenario files (data, printed as written). */
function poles(...files: string[]): string[] {
  return files.flatMap((f) =>
    loadFile(f, process.cwd()).flatMap((l) =>
      l.scenario.issues.flatMap((is) => is.poles.flatMap((p) => (p ? [...p] : []))),
    ),
  );
}

/**
 * The words in Latin letters left in `text` once the data's and the library's strings, ids and
 * options are taken out: each should be a translated label, so none should be left.
 */
function englishLeft(text: string, data: readonly string[]): string[] {
  let t = text;
  for (const s of [...new Set(data)].filter((x) => x.length >= 3).sort((a, b) => b.length - a.length))
    t = t.split(s).join(' ');
  t = t.replace(/--[\w-]+/g, ' ');
  const words = [...t.matchAll(/[A-Za-z][\w.'’/-]*/g)].map((m) => m[0].replace(/[.'’]+$/, ''));
  return [
    ...new Set(
      words.filter(
        (w) =>
          w.length >= 3 && !/^[A-Z]{3}$/.test(w) && !/[\d._/-]/.test(w) && !CODES.has(w) && !FIELDS.has(w),
      ),
    ),
  ];
}

describe('concord forecast --lang ru|zh', () => {
  it('prints a forecast in Russian: headings, tables and model names from the catalogues', async () => {
    const r = await run('forecast', SAMARKAND, '--lang', 'ru');
    expect(r.code).toBe(0);
    for (const s of [
      'ШОС на 16.09.2022 · председательство: UZB · потенциал: доли по показателю ВВП за 2022 г.',
      'Вопрос belarus-procedure — ',
      'шкала от 0 (no procedure) до 100',
      'статус-кво 0',
      'предложение RUS: 100',
      'принять или отклонить',
      'участник',
      'потенциал',
      'значимость',
      'вето',
      'модель',
      'исход',
      'пояснение',
      'консенсус',
      'компромисс',
      'наблюдаемый исход',
      'множество улучшений статус-кво [0; 100] · ядро [60; 100]',
      'точка несогласия: статус-кво для игроков с правом вето',
      'вариант text; 14 раундов, модель сошлась',
      'Модель обмена по раундам',
      'раунд 1: прогноз 80,8 → 81,36; 1 обмен из 1',
      'в обмен на RUS по вопросу dialogue-partners',
    ])
      expect(r.out).toContain(s);
    expect(r.out).toMatch(/^CHN\s+0,74\s+80\s+0,4\s+вето$/m);
    const json = (await run('forecast', SAMARKAND, '--json')).out;
    const data = [...jsonStrings(json), ...poles(SAMARKAND)];
    expect(englishLeft(r.out, data)).toEqual([]);
    // the check can fail: on the English output it finds the labels
    const en = englishLeft((await run('forecast', SAMARKAND)).out, data);
    for (const w of [
      'Issue',
      'scale',
      'actor',
      'capability',
      'salience',
      'outcome',
      'adopted',
      'observed',
      'round',
    ])
      expect(en).toContain(w);
  });

  it('prints a forecast in Chinese, with the per-coder, yardstick and round-by-round tables', async () => {
    const args = [IRAN, '--trace', '--eum-sensitivity', '--capability-sensitivity'];
    const r = await run('forecast', ...args, '--lang', 'zh');
    expect(r.code).toBe(0);
    for (const s of [
      '上合组织，2023/7/3 · 轮值主席国：IND · 实力：2023年GDP份额',
      '议题 admit-iran——',
      '行为体',
      '重视程度',
      '否决权',
      '实际结果',
      '协商一致',
      '预期效用模型逐轮结果：',
      '轮次',
      '在选择(a)–(d)的16种组合下',
      '议题 admit-iran 各编码者的结果',
      '议题 admit-iran 在不同实力指标下的预测：',
      '人口',
      '军费',
      '等权重',
      '范围',
    ])
      expect(r.out).toContain(s);
    const json = (await run('forecast', ...args, '--json')).out;
    expect(englishLeft(r.out, [...jsonStrings(json), ...poles(IRAN)])).toEqual([]);
  });

  it('explains the exchange model round by round, and its repetitions, in Russian', async () => {
    const args = [TIANJIN, '--model', 'exchange', '--exchange-p', '0.5', '--exchange-repetitions', '3'];
    const r = await run('forecast', ...args, '--lang', 'ru');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Модель обмена по раундам');
    expect(r.out).toMatch(/ раунд 1: прогноз [\d,]+ → [\d,]+; \d+ обмен(а|ов)? из \d+/);
    expect(r.out).toContain('(--json перечисляет все)');
    expect(r.out).toContain('Модель обмена: 3 прогона');
    const json = (await run('forecast', ...args, '--json')).out;
    expect(englishLeft(r.out, [...jsonStrings(json), ...poles(TIANJIN)])).toEqual([]);
  });

  it('words the library sentences in the language: rule, models’ notes, capability note, import summary', async () => {
    const ru = await run('forecast', CAR, '--lang', 'ru');
    expect(ru.code).toBe(0);
    for (const x of [
      'примечание: потенциалы заданы в файле (их сумма 1,01); для моделей они поделены на сумму',
      'правило: консенсус (единогласие)',
      'модели консенсуса нужен статус-кво: укажите `statusQuo`',
      'модель обмена обменивает уступки между вопросами; в этом сценарии один вопрос',
    ])
      expect(ru.out).toContain(x);
    const zh = await run('forecast', CAR, '--lang', 'zh');
    expect(zh.out).toContain('注：实力按文件给定（总和为 1.01）');
    expect(zh.out).toContain('规则：协商一致（全体一致）');
    expect(zh.out).toContain('协商一致模型需要现状：请给出 `statusQuo`');
    const json = (await run('forecast', CAR, '--json')).out;
    const data = [
      ...jsonStrings(json),
      ...poles(CAR),
      'Scholz',
      'Calbert',
      'Smith',
      'Bueno',
      'Mesquita',
      'text',
    ];
    for (const out of [ru.out, zh.out]) expect(englishLeft(out, data)).toEqual([]);
    // the check can fail: the English sentences of the library are not taken out as data
    const en = englishLeft((await run('forecast', CAR)).out, data);
    for (const w of ['capabilities', 'divided', 'unanimity', 'needs', 'trades']) expect(en).toContain(w);
    // the import summary on stderr (a DEU table): its frame, reasons, places and notes
    const deu = await run('forecast', DEU, '--lang', 'ru');
    expect(deu.code).toBe(0);
    expect(deu.err).toContain(`${DEU}: таблица DEU: 12 вопросов, 10 участников`);
    expect(deu.err).toContain(
      '  по умолчанию — 12: нет ни правила голосования, ни даты: единогласие государств-членов (строка 5; строка 6;',
    );
    expect(deu.err).toContain('  примечание: потенциалы: равные (таблица DEU их не содержит;');
    expect(deu.out).toContain('правило: консенсус без COM');
    const deuZh = await run('forecast', DEU, '--lang', 'zh');
    expect(deuZh.err).toContain('DEU 表：12 个议题，10 个行为体');
    expect(deuZh.err).toContain('取默认值 12 处：既无表决规则也无日期：成员国一致同意（第 5 行; 第 6 行;');
    for (const err of [deu.err, deuZh.err])
      expect(englishLeft(err, [DEU, '--capabilities', 'votes'])).toEqual([]);
    expect(englishLeft((await run('forecast', DEU)).err, [DEU])).toEqual(
      expect.arrayContaining(['table', 'issues', 'defaulted', 'unanimity', 'note', 'capabilities']),
    );
  });

  it('keeps JSON and CSV byte-identical in every language', async () => {
    for (const args of [
      [SAMARKAND, '--json'],
      [SAMARKAND, '--format', 'csv'],
      [IRAN, '--trace', '--capability-sensitivity', '--json'],
    ]) {
      const en = await run('forecast', ...args);
      expect(en.code).toBe(0);
      for (const lang of ['ru', 'zh'])
        expect((await run('forecast', ...args, '--lang', lang)).out).toBe(en.out);
    }
  });
});

describe('concord backtest --lang ru|zh', () => {
  const args = ['scenarios/sco', '--resamples', '200'];

  it('prints the backtest in Chinese', async () => {
    const r = await run('backtest', ...args, '--lang', 'zh');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^scenarios\/sco的回溯检验：\d+个情景，\d+个有实际结果的案例/);
    for (const s of [
      '案例',
      '实际结果',
      '100 通过',
      '0 未通过',
      '单元格：预测（0–100刻度上的绝对误差）',
      '通过：结果使现状移动超过刻度的5%',
      '平均绝对误差（0–100）',
      '模型与基准：',
      '维持现状（基准）',
      '按案例的配对自助法（重抽样200次，随机种子1）',
      '案例子集：',
      '回溯预测',
      '编码者平均（主要结果）',
      '仅编码者b（非独立）',
      '编码者b不是独立编码者',
    ])
      expect(r.out).toContain(s);
    const json = (await run('backtest', ...args, '--json')).out;
    expect(englishLeft(r.out, jsonStrings(json))).toEqual([]);
    const en = englishLeft((await run('backtest', ...args)).out, jsonStrings(json));
    for (const w of ['Backtest', 'cells', 'predictor', 'baseline', 'Paired', 'against', 'Subsets', 'coder'])
      expect(en).toContain(w);
  });

  it('prints the backtest in Russian, with the adoption probabilities of a sweep', async () => {
    const sweep = [...args, '--sweep-runs', '10', '--model', 'consensus', 'compromise'];
    const r = await run('backtest', ...sweep, '--lang', 'ru');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^Ретроспективная проверка scenarios\/sco: \d+ сценари[йяев]+, \d+ случа[йяев]+ с наблюдаемым исходом/,
    );
    for (const s of [
      'САО (0–100)',
      'принятие верно',
      'Модели и базовые прогнозы:',
      'статус-кво (базовый прогноз)',
      'Брайер',
      'лог. оценка',
      'Парный бутстреп по случаям (200 повторных выборок, начальное значение 1)',
      'Подмножества случаев:',
      'Вероятности принятия по серии из 10 повторов на случай',
      'неопределённость по умолчанию: позиции ~ нормальное(закодированное значение; 0,1 × ширина шкалы)',
      'потенциалы × логнормальное(0; 0,2)',
      'случаи, закодированные после решения или без даты `coded:`: ретроспективные прогнозы',
      'Только кодировщик'.toLowerCase(),
    ])
      expect(r.out).toContain(s);
    expect(r.out).toMatch(/\d+,\d\s%/);
    const json = (await run('backtest', ...sweep, '--json')).out;
    expect(englishLeft(r.out, jsonStrings(json))).toEqual([]);
    // the check can fail: the English output's sweep and subset sentences are not data
    const en = englishLeft((await run('backtest', ...sweep)).out, jsonStrings(json));
    for (const w of ['retrodictions', 'truncated', 'lognormal']) expect(en).toContain(w);
  });

  it('keeps JSON and CSV byte-identical in every language', async () => {
    for (const fmt of [['--json'], ['--format', 'csv']]) {
      const en = await run('backtest', ...args, ...fmt);
      expect(en.code).toBe(0);
      for (const lang of ['ru', 'zh'])
        expect((await run('backtest', ...args, ...fmt, '--lang', lang)).out).toBe(en.out);
    }
  });
});

describe('concord sweep --lang ru|zh', () => {
  const dir = mkdtempSync(join(tmpdir(), 'concord-sweep-lang-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  const sweep = (...extra: string[]) =>
    run(
      'sweep',
      SAMARKAND,
      '--runs',
      '200',
      '--seed',
      '3',
      '--models',
      'consensus,compromise',
      '--store',
      join(dir, `s${n++}.sqlite`),
      ...extra,
    );
  /** The output without the run's id and store (new in each run). */
  const stable = (s: string) =>
    s.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, 'RUN').replace(/"store": "[^"]*"/, '"store": "STORE"');

  it('prints the sweep and its summary in Russian and Chinese', async () => {
    const ru = await sweep('--lang', 'ru');
    expect(ru.code).toBe(0);
    expect(ru.err).toMatch(
      /^серия [0-9a-f-]+: прогонов 200, пакетов \d+ по \d+; исполнитель inline; хранилище /,
    );
    expect(ru.err).toMatch(/серия [0-9a-f-]+ завершена за \d+,\d с/);
    for (const s of [
      'Серия прогонов sco-samarkand-2022: метод Монте-Карло; 200 прогонов в ',
      'модели: консенсус, компромисс',
      'неопределённые входные данные (40): ',
      'вопрос belarus-procedure (шкала 0–100; гистограмма: 20 интервалов)',
      'среднее',
      'ст. откл.',
      'гистограмма',
      'как часто каждый член блокирует внесённое предложение (доля прогонов):',
      'модели прогноза Concord (src/bargaining/forecast.ts)',
      'неопределённость: по умолчанию (в файле нет блока uncertainty): позиции ~ нормальное(закодированное значение; 0,1 × ширина шкалы)',
    ])
      expect(ru.out).toContain(s);
    expect(ru.out).toMatch(/\d+,\d\s%/);
    const zh = await sweep('--lang', 'zh');
    expect(zh.out).toContain('sco-samarkand-2022的扫描：蒙特卡罗方法；200次运行');
    expect(zh.out).toContain('模型：协商一致、妥协');
    expect(zh.out).toContain('直方图');
    expect(zh.out).toContain('Concord 的预测模型');
    expect(zh.out).toContain('默认（文件没有 uncertainty 块）：立场 ~ 正态(编码值, 0.1 × 量表宽度)');
    const json = (await sweep('--json')).out;
    for (const out of [ru.out, zh.out])
      expect(englishLeft(out.replace(/^.*\n/, ''), [...jsonStrings(json), 'normal', 'lognormal'])).toEqual(
        [],
      );
  });

  it('keeps JSON byte-identical in every language (but the run id and store)', async () => {
    const en = stable((await sweep('--json')).out);
    for (const lang of ['ru', 'zh']) expect(stable((await sweep('--json', '--lang', lang)).out)).toBe(en);
  });
});

describe('the long-computation notice in the user’s language', () => {
  it('words the notice and the duration in Russian and Chinese', () => {
    const ru = { ...memoryIO(), locale: 'ru' as const };
    expect(warnIfLong(ru, 5000, 'прогноз', 'меньше раундов')).toBe(true);
    expect(ru.stderr[0]).toBe('примечание: прогноз займёт около 5 с на одном ядре. Быстрее: меньше раундов');
    const zh = { ...memoryIO(), locale: 'zh-Hans' as const };
    expect(formatMs(600_000, zh)).toBe('10分钟');
    expect(warnIfLong(zh, 100, 'x', 'y')).toBe(false);
    expect(formatMs(4000)).toBe('4 s');
  });
});

describe('the long-computation notices of power and capacity', () => {
  it('word what is computed and the faster way in the language; English as before', () => {
    const en = translator(cliPower, 'en');
    expect(en('long.montecarlo', { samples: 200000, players: 400 })).toBe(
      'Monte Carlo power with 200,000 draws for 400 players',
    );
    expect(en('long.exact', { players: 1200 })).toBe(
      'exact power indices of 1,200 players (counting algorithms, within work budgets)',
    );
    expect(en('long.capacity', { stages: 3, members: 190, rules: 2 })).toBe(
      'exact power for 3 stage(s) of up to 190 members under 2 rule(s)',
    );
    const ru = translator(cliPower, 'ru');
    expect(ru('long.montecarlo', { samples: 200000, players: 400 })).toBe(
      'индексы влияния методом Монте-Карло: 200\u00a0000 выборок для 400 игроков',
    );
    expect(ru('long.capacity', { stages: 1, members: 21, rules: 2 })).toBe(
      'точный расчёт влияния для 1 этапа численностью до 21 члена по 2 правилам',
    );
    const zh = translator(cliPower, 'zh-Hans');
    expect(zh('long.exact', { players: 1200 })).toBe(
      '精确计算1,200个参与人的权力指数（计数算法，在计算预算之内）',
    );
    for (const t of [ru, zh])
      for (const k of ['long.fasterMontecarlo', 'long.fasterExact', 'long.capacityFaster'] as const)
        expect(englishLeft(t(k), ['concord', 'power', 'montecarlo', 'samples'])).toEqual([]);
  });
});

describe('the errors of forecast, backtest and sweep in Russian and Chinese', () => {
  it('translates them by key, codes and options unchanged', async () => {
    const model = await run('forecast', SAMARKAND, '--model', 'bogus', '--lang', 'ru');
    expect(model.code).toBe(2);
    expect(model.err).toContain('ошибка [E_USAGE] --model: неизвестная модель «bogus»');
    expect(model.err).toContain('подсказка: Модели: consensus, compromise');
    const nash = await run('forecast', SAMARKAND, '--nash-disagreement', 'x', '--lang', 'zh');
    expect(nash.err).toContain('错误 [E_USAGE] --nash-disagreement：未知破裂点“x”');
    expect(nash.err).toContain('请选择veto或statusQuo。');
    const count = await run('backtest', 'scenarios/sco', '--resamples', '-1', '--lang', 'zh');
    expect(count.err).toContain('--resamples：“-1”不是0到1000000之间的整数');
    const keep = await run('sweep', SAMARKAND, '--runs', '10', '--keep', 'all', '--lang', 'ru');
    expect(keep.code).toBe(2);
    expect(keep.err).toContain('--keep: допустимы rows или summary, получено «all»');
    const runs = await run('sweep', SAMARKAND, '--lang', 'zh');
    expect(runs.err).toContain('须指定 --runs');
    expect(runs.err).toContain('例如 --runs 10000');
  });

  it('words each English catalogue message as the thrown English text', () => {
    const en = translator(errors, 'en');
    const check = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        if (!(e instanceof ConcordError) || !e.key) throw e;
        const values = Object.fromEntries(
          Object.entries(e.values ?? {}).map(([k, v]) => [k, typeof v === 'object' ? v.en : v]),
        );
        expect(en(e.key as never, values)).toBe(e.message);
        expect(en(`hint.${e.key}` as never, values)).toBe(e.hint);
        return;
      }
      throw new Error('no error thrown');
    };
    check(() => parseModels(['bogus']));
    check(() => parseNash('x'));
    check(() => parseExchangeRun({ exchangeP: '2' }));
    check(() => parseExchangeRun({ exchangeVariant: 'random-rate' }));
  });
});
