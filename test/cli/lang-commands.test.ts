/**
 * The human output of balance, alignment, design, quota, runs, registry and report in Russian and
 * Chinese (`--lang`): translated headings, no English word left in any table's header row or in the
 * headings the command itself writes, numbers and dates in the locale; JSON and CSV byte-identical
 * across languages; the alignment's notes (the coding of 0, the window's and stages' notes) in the
 * language too. Balance's own sentences (each stage's, the what-if's, the summary, the year,
 * data-year and series notes) are in the locale too: no English word outside the sources' titles.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.js';

/** The header rows of the tables in a text: the line above each rule of ─. */
function headerRows(text: string): string[] {
  const lines = text.split('\n');
  return lines.filter((_, i) => i + 1 < lines.length && /^─+(?: +─+)*$/.test(lines[i + 1]!.trim()));
}

/** English words (a capital or small letter followed by two or more small ones) in a line. */
function englishWords(line: string): string[] {
  return line.match(/\b[A-Za-z][a-z]{2,}\b/g) ?? [];
}

/** Every table header of the output is free of English words (and there are tables). */
function expectHeadersTranslated(out: string, min = 1): void {
  const headers = headerRows(out);
  expect(headers.length).toBeGreaterThanOrEqual(min);
  expect(headers.flatMap((h) => englishWords(h).map((w) => `${w} in "${h.trim()}"`))).toEqual([]);
}

/** Names and terms of the field that stay in Latin letters in the alignment's output. */
const ALIGNMENT_NAMES = new Set(['Voeten', 'Louvain', 'Agreement', 'Index', 'Hix', 'Noury', 'Roland']);

/**
 * The English words left in an alignment output but its data lines (the sources' own titles) and
 * options: the command's headings and the library's notes (the coding of 0, the window's, sessions'
 * and stages' notes) are in the language, so none should be left.
 */
function alignmentEnglish(out: string): string[] {
  return out
    .split('\n')
    .filter((l) => !/^(?:данные|数据|data)[:：]/.test(l))
    .flatMap((l) => englishWords(l.replace(/--[\w-]+(?: resolutions)?|docs\/[\w.]+/g, ' ')))
    .filter((w) => !ALIGNMENT_NAMES.has(w));
}

async function same(argv: string[]): Promise<void> {
  const en = await run(...argv);
  expect(en.code).toBe(0);
  for (const lang of ['ru', 'zh']) {
    const other = await run(...argv, '--lang', lang);
    expect(other.code).toBe(0);
    expect(other.out).toBe(en.out);
  }
}

describe('concord balance --lang', () => {
  it('prints the balance of power in Russian', async () => {
    const r = await run('balance', 'sco', '--lang', 'ru');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Шанхайская организация сотрудничества \(ШОС\): баланс сил, ВВП/);
    for (const s of ['Концентрация', 'По этапам членства', 'Что изменилось', 'крупнейший', 'ИХХ', 'эфф. N'])
      expect(r.out).toContain(s);
    // numbers and dates in the locale: a decimal comma, a spaced percent sign, 15.06.2001
    expect(r.out).toMatch(/CHN 79,6\s%/);
    expect(r.out).toContain('15.06.2001');
    expectHeadersTranslated(r.out, 3);
    for (const s of ['Balance of power', 'Concentration', 'By membership stage', 'What changed', 'Source:'])
      expect(r.out).not.toContain(s);
  });

  it('prints a what-if in Chinese', async () => {
    const r = await run('balance', 'sco', '--measure', 'cinc', '--with', 'TUR', '--lang', 'zh');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^上海合作组织（上合组织）内部的力量平衡：CINC/);
    for (const s of ['集中度', '按成员阶段', '假设情形', '最大成员国', '新成员']) expect(r.out).toContain(s);
    expectHeadersTranslated(r.out, 4);
    expect(r.out).not.toContain('What if');
  });

  it('keeps JSON and CSV language-neutral', async () => {
    await same(['balance', 'sco', '--json']);
    await same(['balance', 'sco', '--format', 'csv']);
  });
});

/** The lines of `text` from the one starting with `from` up to (not including) the one starting with `to`. */
function between(text: string, from: string, to: string): string[] {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.startsWith(from));
  const j = lines.findIndex((l, k) => k > i && l.startsWith(to));
  expect(i).toBeGreaterThanOrEqual(0);
  expect(j).toBeGreaterThan(i);
  return lines.slice(i, j);
}

/** No English word in these lines (ISO3 codes, CON, CINC, GDP are not words here). */
function expectNoEnglish(lines: readonly string[]): void {
  expect(lines.flatMap((h) => englishWords(h).map((w) => `${w} in "${h.trim()}"`))).toEqual([]);
}

describe('concord balance --lang: the sentences', () => {
  it('writes each stage, the summary and the pair note in Russian', async () => {
    const r = await run('balance', 'sco', '--lang', 'ru');
    const part = between(r.out, 'Что изменилось', 'примечание:');
    expect(part.join(' ')).toContain('Основание 15 июня 2001 г.');
    expect(part.join(' ')).toContain('крупнейший член — неизменно Китай');
    expectNoEnglish(part.filter((l) => !l.includes('docs/balance.md')));
  });

  it('writes the what-if, the stages and the summary in Chinese', async () => {
    const r = await run('balance', 'sco', '--measure', 'cinc', '--with', 'TUR', '--lang', 'zh');
    const part = between(r.out, '各阶段的变化', 'HHI = ');
    expect(part.join('')).toContain('加入土耳其');
    expectNoEnglish(part);
  });

  it('writes the year notes, the data-year notes and the series notes in the locale', async () => {
    for (const [lang, note] of [
      ['ru', 'примечание:'],
      ['zh', '注：'],
    ] as const) {
      const r = await run('balance', 'sco', '--measure', 'milex', '--to', '2025', '--lang', lang);
      expect(r.code).toBe(0);
      const lines = r.out.split('\n');
      // the shares' table: every row's note (partial years, the years after the data end)
      const rows = lines.filter((l) => /^\d{4} /.test(l) && l.includes(lang === 'ru' ? 'данн' : '数据'));
      expect(rows.length).toBeGreaterThan(0);
      expectNoEnglish(rows);
      // the data-year notes under the stages (*) and the series' notes, but the caveat's sources
      const notes = lines.filter((l) => l.startsWith('* ') || (l.startsWith(note) && !/SIPRI|СИПРИ/.test(l)));
      expect(notes.length).toBeGreaterThan(0);
      expectNoEnglish(notes);
    }
    const fivezh = await run('balance', 'shanghai-five', '--from', '1990', '--to', '2003', '--lang', 'zh');
    expect(fivezh.out).toContain('注：上海五国成立于1996年4月26日');
    expectNoEnglish(fivezh.out.split('\n').filter((l) => l.startsWith('注：上海五国')));
  });
});

describe('concord alignment --lang', () => {
  const argv = [
    'alignment',
    'sco',
    '--from',
    '2001',
    '--to',
    '2019',
    '--bootstrap',
    '40',
    '--stage-years',
    '3',
  ];

  it('prints the alignment in Chinese', async () => {
    const r = await run(...argv, '--lang', 'zh');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^上海合作组织（上合组织）在联合国大会，2001–2019：[\d,]+次记名表决/);
    for (const s of [
      '国家（8个成员国）',
      '吉尔吉斯斯坦',
      '阵营：一致度图的Louvain社区',
      '成员国逐年凝聚度',
      '自助法',
    ])
      expect(r.out).toContain(s);
    expectHeadersTranslated(r.out, 4);
    // (the data's notes, still English, say "roll calls": only the command's own words are checked)
    for (const s of ['States (', 'Camps:', 'Cohesion of', 'modularity of', 'bootstrap over', 'closest pairs'])
      expect(r.out).not.toContain(s);
    // the library's notes too: the coding of 0, the seam, the sessions a state missed
    expect(r.out).toContain(
      '说明：弃权算作投票（代码 0，第三种选项）；未记录投票（联合国记录，自2019年11月7日起）即未参加',
    );
    expect([...new Set(alignmentEnglish(r.out))]).toEqual([]);
    // the check can fail: in English it finds the notes' words
    const en = alignmentEnglish((await run(...argv)).out);
    for (const w of ['abstention', 'merges', 'session', 'seam']) expect(en).toContain(w);
  });

  it('prints the alignment in Russian, with plurals and the scenario form', async () => {
    const r = await run(...argv, '--measures', 'agreement-yn,kappa-yn,s', '--lang', 'ru');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/: \d[\d\s]* поимённ(?:ых|ое) голосовани/);
    for (const s of [
      'Государства (8 членов)',
      'Лагеря:',
      'модулярность',
      'S Синьорино–Риттера',
      '6 → 8 членов',
    ])
      expect(r.out).toContain(s);
    expectHeadersTranslated(r.out, 4);
    expect(r.out).toContain(
      'примечание: воздержание — это голос (код 0, третий вариант); отсутствие записанного голоса (в отчётах ООН, с 7 ноября 2019 г.) означает неучастие',
    );
    // a stage's note (the periods cross the seam of the two sources)
    expect(r.out).toContain(
      'периоды пересекают 7 ноября 2019 г. — дату, с которой данные Вутена (Voeten) сменяются',
    );
    expect([...new Set(alignmentEnglish(r.out))]).toEqual([]);
    const sc = await run(
      'alignment',
      '--scenario',
      'scenarios/sco/13-iran-admission-2023.yaml',
      '--lang',
      'ru',
    );
    expect(sc.code).toBe(0);
    expect(sc.out).toMatch(/^Сценарий sco-iran-admission-2023/);
    expect(sc.out).toContain('Сплочённость по вопросам');
    expectHeadersTranslated(sc.out, 4);
  });

  it('keeps JSON and CSV language-neutral', async () => {
    await same([...argv, '--json']);
    await same([...argv, '--format', 'csv']);
    await same(['alignment', '--scenario', 'scenarios/sco/13-iran-admission-2023.yaml', '--json']);
  });
});

describe('concord design and quota --lang', () => {
  it('prints the designed weights in Russian', async () => {
    const r = await run('design', 'eu27-nice', '--target', 'square-root', '--lang', 'ru');
    expect(r.code).toBe(0);
    expect(r.out).toContain('итеративным методом Лича');
    expect(r.out).toMatch(/вероятность принятия решения \d+,\d\d\s%/);
    expectHeadersTranslated(r.out);
    expect(r.out).not.toContain('passage probability');
  });

  it('prints power against the quota in Chinese, the organization by its own name', async () => {
    const r = await run('quota', '--org', 'sco', '--at', '2024-07-04', '--lang', 'zh');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^上合组织，2024\/7\/4：10个参与人，总权重 \d+（人口，百万）/);
    for (const s of ['平方根规则的最优配额', '班扎夫指数（标准化）随配额的变化']) expect(r.out).toContain(s);
    expectHeadersTranslated(r.out);
    expect(r.out).not.toMatch(/players|by quota|own quota/);
  });

  it('keeps JSON and CSV language-neutral', async () => {
    await same(['design', 'eu27-nice', '--target', 'square-root', '--json']);
    await same(['quota', 'eec-1958', '--json']);
    await same(['quota', 'eec-1958', '--format', 'csv']);
  });
});

describe('concord runs and registry --lang (real SQLite file)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'concord-lang-runs-'));
  const store = join(dir, 'store.sqlite');
  let runId = '';
  beforeAll(async () => {
    const sweep = await run(
      'sweep',
      'scenarios/sco/13-iran-admission-2023.yaml',
      '--runs',
      '10',
      '--store',
      store,
      '--quiet',
      '--json',
    );
    expect(sweep.code).toBe(0);
    runId = JSON.parse(sweep.out).run.id;
    const reg = await run(
      'forecast',
      'scenarios/sco/13-iran-admission-2023.yaml',
      '--register',
      '--store',
      store,
    );
    expect(reg.code).toBe(0);
  });

  it('lists and shows a run in Russian and Chinese', async () => {
    const ru = await run('runs', 'list', '--store', store, '--lang', 'ru');
    expect(ru.code).toBe(0);
    expect(ru.out).toContain('завершён');
    expect(ru.out).toMatch(/100\s%/);
    expectHeadersTranslated(ru.out);
    const zh = await run('runs', 'show', runId, '--store', store, '--lang', 'zh');
    expect(zh.code).toBe(0);
    expect(zh.out).toContain(`运行 ${runId}`);
    for (const s of ['参数', '运行清单', '已完成批次', '随机种子']) expect(zh.out).toContain(s);
    // The run, its parameters and its manifest (the sweep summary after them is src/sweep's text).
    expectHeadersTranslated(zh.out.split('\n\n').slice(0, 3).join('\n\n'), 3);
    for (const s of ['Parameters', 'Manifest', 'batchesDone']) expect(zh.out).not.toContain(s);
  });

  it('lists and scores the registry in Russian', async () => {
    const list = await run('registry', 'list', '--store', store, '--lang', 'ru');
    expect(list.code).toBe(0);
    expect(list.out).toContain('ещё нет');
    expectHeadersTranslated(list.out);
    const score = await run('registry', 'score', '--store', store, '--lang', 'ru');
    expect(score.code).toBe(0);
    expect(score.out).toMatch(/оценён +консенсус 0,0 \(принятие угадано: 100,0\s%\)/);
    expectHeadersTranslated(score.out);
    const empty = await run('registry', 'list', '--store', join(dir, 'empty.sqlite'), '--lang', 'zh');
    expect(empty.out).toContain('没有已登记的预测');
  });

  it('keeps JSON and the exports language-neutral', async () => {
    await same(['runs', 'list', '--store', store, '--json']);
    await same(['runs', 'show', runId, '--store', store, '--json']);
    await same(['runs', 'export', runId, '--store', store]);
    await same(['runs', 'export', runId, '--format', 'json', '--store', store]);
    await same(['registry', 'list', '--store', store, '--json']);
  });
});

describe('concord report --lang: the terminal summary', () => {
  it('heads the summary, names the sections and writes their lines in the locale', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'concord-lang-report-'));
    const r = await run(
      'report',
      '--at',
      '2024-07-04',
      '--sections',
      'organization,capacity',
      '--out',
      join(dir, 'r.html'),
      '--lang',
      'ru',
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Шанхайская организация сотрудничества \(ШОС\) на 4 июля 2024 г\./);
    expect(r.out).toContain('Способность принимать решения');
    // the sections' own summary lines (src/report/sections, namespace report-summary)
    for (const s of [
      '10 государств-членов: CHN',
      'председательство: CHN',
      'вероятность принятия решения при правиле «',
    ])
      expect(r.out).toContain(s);
    expect(r.out).toMatch(/ориентир — Совет ЕС: eec-1958 \d+,\d\s%/);
    expect(r.out).toMatch(/записан .*r\.html \([\d\s ]+ КиБ, 2 раздела, [\d\s ]+ мс\)/);
    expect(r.out).not.toMatch(
      /as of|Capacity to decide|wrote |members:|chair:|passage probability|EU Council reference/,
    );
  });
});

describe('keyed errors of these commands', () => {
  it('are worded in the locale, codes unchanged', async () => {
    const ru = await run('balance', 'sco', '--from', '19x', '--lang', 'ru');
    expect(ru.code).toBe(2);
    expect(ru.err).toContain('[E_USAGE] --from: «19x» — не год');
    expect(ru.err).toContain('Укажите год от 1900 до 2100');
    const zh = await run('alignment', 'sco', '--scope', 'some', '--lang', 'zh');
    expect(zh.code).toBe(2);
    expect(zh.err).toContain('[E_USAGE] --scope：“some”既不是 all 也不是 resolutions');
    const q = await run('quota', '--lang', 'zh');
    expect(q.err).toContain('请给出博弈文件或 --org');
    const s = await run('serve', '--port', '99999', '--lang', 'ru');
    expect(s.err).toContain('--port: ожидалось целое число от 0 до 65535, получено «99999»');
  });
});
