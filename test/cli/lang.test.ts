/**
 * The CLI in Russian and Chinese (`--lang`, `CONCORD_LANG`): `concord org sco` prints the SCO's own
 * names, the states' names and the catalogue's words; JSON and CSV do not change; errors are
 * translated by key with their codes unchanged.
 */
import { describe, expect, it } from 'vitest';
import { memoryIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { run } from '../helpers/cli.js';

async function withEnv(env: Record<string, string>, ...argv: string[]) {
  const io = memoryIO(env);
  const code = await main(argv, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

describe('concord --lang', () => {
  it('prints `org sco` in Chinese', async () => {
    const r = await run('org', 'sco', '--at', '2024-07-04', '--lang', 'zh');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^上海合作组织（上合组织），2024\/7\/4/);
    for (const s of [
      '成员国（10个）',
      '吉尔吉斯斯坦',
      '白俄罗斯',
      '成员国概况',
      '协商一致',
      '对话伙伴',
      '蒙古国',
    ])
      expect(r.out).toContain(s);
    for (const s of ['Members', 'Facts of the member states', 'Kyrgyzstan', 'status dates'])
      expect(r.out).not.toContain(s);
  });

  it('prints `org sco` in Russian, also from CONCORD_LANG', async () => {
    const r = await withEnv({ CONCORD_LANG: 'ru' }, 'org', 'sco', '--at', '2024-07-04');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Шанхайская организация сотрудничества \(ШОС\) на 04\.07\.2024/);
    for (const s of ['Государства-члены (10)', 'Кыргызстан', 'Беларусь', 'партнёр по диалогу', 'наблюдатель'])
      expect(r.out).toContain(s);
    expect(r.out).not.toContain('Members');
    // --lang wins over CONCORD_LANG
    const en = await withEnv({ CONCORD_LANG: 'ru' }, 'org', 'sco', '--at', '2024-07-04', '--lang', 'en');
    expect(en.out).toMatch(/^Shanghai Cooperation Organisation \(SCO\) on 2024-07-04/);
  });

  it('leaves JSON and CSV language-neutral', async () => {
    for (const fmt of [['--json'], ['--format', 'csv']]) {
      const en = await run('org', 'sco', '--at', '2024-07-04', ...fmt);
      const zh = await run('org', 'sco', '--at', '2024-07-04', ...fmt, '--lang', 'zh');
      expect(zh.out).toBe(en.out);
    }
  });

  it('translates orgs, country, countries and timeline', async () => {
    expect((await run('orgs', '--lang', 'ru')).out).toContain(
      'Организация Договора о коллективной безопасности',
    );
    const kaz = await run('country', 'KAZ', '--at', '2024-01-01', '--lang', 'zh');
    expect(kaz.out).toMatch(/^哈萨克斯坦（KAZ），亚洲 \/ 中亚/);
    expect(kaz.out).toContain('上合组织（成员国）');
    expect((await run('countries', '--eurasia', '--lang', 'ru')).out).toMatch(/\d+ государств/);
    expect((await run('timeline', 'sco', '--lang', 'zh')).out).toContain('成立');
  });

  it('refuses an unknown language with E_USAGE, naming the option or the variable', async () => {
    const r = await run('org', 'sco', '--lang', 'klingon');
    expect(r.code).toBe(2);
    expect(r.err).toContain('[E_USAGE]');
    expect(r.err).toContain('--lang');
    const e = await withEnv({ CONCORD_LANG: 'xx' }, 'orgs');
    expect(e.code).toBe(2);
    expect(e.err).toContain('CONCORD_LANG');
  });
});

describe('errors in Russian and Chinese', () => {
  it('translates the errors a new user meets first, codes unchanged', async () => {
    const org = await run('org', 'nope', '--lang', 'ru');
    expect(org.code).toBe(2);
    expect(org.err).toContain('ошибка [E_UNKNOWN_ORG] неизвестная организация «nope»');
    expect(org.err).toContain('подсказка: Известные организации: asean');
    const country = await run('country', 'XXX', '--lang', 'zh');
    expect(country.err).toContain('错误 [E_UNKNOWN_COUNTRY]');
    expect(country.err).toContain('不是联合国会员国的 ISO3 代码');
    const date = await run('org', 'sco', '--at', '2021-13-01', '--lang', 'zh');
    expect(date.err).toContain('错误 [E_BAD_DATE] --at：“2021-13-01”不是有效的日历日期');
    const range = await run('org', 'sco', '--at', '1800-01-01', '--lang', 'ru');
    expect(range.err).toContain('[E_DATE_OUT_OF_RANGE]');
    expect(range.err).toContain('вне диапазона');
    const before = await run('org', 'sco', '--at', '1990-01-01', '--lang', 'zh');
    expect(before.err).toContain('上合组织在 1990-01-01 尚不存在');
    const file = await run('power', '/no/such/game.yaml', '--lang', 'ru');
    expect(file.err).toContain(
      '[E_FILE_UNREADABLE] не удаётся прочитать файл игры /no/such/game.yaml: нет такого файла или каталога',
    );
    const scenario = await run('forecast', '/no/such/case.yaml', '--lang', 'zh');
    expect(scenario.err).toContain(
      '[E_FILE_UNREADABLE] 无法读取情景文件 /no/such/case.yaml：文件或目录不存在',
    );
  });

  it('words schema errors with zod’s Russian and Chinese messages and keeps the path', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'concord-lang-'));
    const f = join(dir, 'bad.yaml');
    writeFileSync(f, 'id: x\nname: 3\nshortName: X\nfounded: 2001-01-01\nmemberships: []\n');
    const zh = await run('org', f, '--lang', 'zh');
    expect(zh.code).toBe(2);
    expect(zh.err).toContain('[E_VALIDATION]');
    expect(zh.err).toContain('name：无效输入');
    const ru = await run('org', f, '--lang', 'ru');
    expect(ru.err).toContain('name: Неверный ввод');
    const en = await run('org', f);
    expect(en.err).toContain('name: Invalid input: expected string, received number');
    const yaml = join(dir, 'broken.yaml');
    writeFileSync(yaml, 'id: [x\n');
    expect((await run('org', yaml, '--lang', 'ru')).err).toContain('недопустимый YAML или JSON');
  });

  it('translates commander’s usage errors', async () => {
    const r = await run('org', 'sco', '--bogus', '--lang', 'zh');
    expect(r.code).toBe(2);
    expect(r.err).toContain("错误：未知选项 '--bogus'");
    const m = await run('org', '--lang', 'ru');
    expect(m.err).toContain("не указан обязательный аргумент 'org'");
  });
});

describe('capacity and power in Russian and Chinese', () => {
  it('prints `capacity sco` in Russian and Chinese; JSON and CSV unchanged', async () => {
    const ru = await run('capacity', 'sco', '--lang', 'ru');
    expect(ru.code).toBe(0);
    expect(ru.out).toMatch(/^Способность принимать решения: Шанхайская организация сотрудничества \(ШОС\)/);
    for (const s of [
      'вероятность принятия решения',
      '15.06.2001',
      'Блокирующая сила на 04.07.2024',
      '1,000 вето',
    ])
      expect(ru.out).toContain(s);
    expect(ru.out).toMatch(/1\/64 = 1,56\s%/);
    const zh = await run('capacity', 'sco', '--lang', 'zh', '--unions', 'KAZ,KGZ,TJK,UZB;CHN,RUS');
    expect(zh.out).toMatch(/^决策能力：上海合作组织（上合组织）/);
    for (const s of ['参照：欧盟理事会（特定多数）', '2001/6/15', '1.000 否决权', '阶段'])
      expect(zh.out).toContain(s);
    for (const s of ['Capacity to decide', 'Blocking power', 'stage']) expect(zh.out).not.toContain(s);
    for (const fmt of [['--json'], ['--format', 'csv']]) {
      const en = await run('capacity', 'sco', ...fmt);
      expect((await run('capacity', 'sco', ...fmt, '--lang', 'zh')).out).toBe(en.out);
    }
  });

  it('prints `power eec-1958` in Russian and Chinese, with the blocs; JSON and CSV unchanged', async () => {
    const ru = await run('power', 'eec-1958', '--unions', 'BEL,NLD,LUX', '--lang', 'ru');
    expect(ru.code).toBe(0);
    expect(ru.out).toMatch(/^EEC-6 Council of Ministers \(1958\): 6 игроков\n/);
    for (const s of [
      'выигрывающих коалиций: 14 из 64',
      'Шепли–Шубик',
      '0,2381',
      'априорные союзы',
      'факторигре',
    ])
      expect(ru.out).toContain(s);
    const zh = await run(
      'power',
      'eec-1958',
      '--lang',
      'zh',
      '--method',
      'montecarlo',
      '--samples',
      '500',
      '--seed',
      '1',
    );
    for (const s of ['6 个参与人', '通过概率', '95% 区间', '沙普利–舒比克', '否决权'])
      expect(zh.out).toContain(s);
    for (const s of ['players', 'passage probability', 'veto']) expect(zh.out).not.toContain(s);
    for (const fmt of [['--json'], ['--format', 'csv']]) {
      const en = await run('power', 'eec-1958', '--index', 'banzhaf', ...fmt);
      expect((await run('power', 'eec-1958', '--index', 'banzhaf', ...fmt, '--lang', 'ru')).out).toBe(en.out);
    }
  });
});

describe('reliability in Russian and Chinese', () => {
  it('prints coder agreement in Russian and Chinese; JSON unchanged', async () => {
    const ru = await run('reliability', 'scenarios/sco', '--resamples', '50', '--lang', 'ru');
    expect(ru.code).toBe(0);
    expect(ru.out).toMatch(/^Согласованность кодировщиков в scenarios\/sco: альфа Криппендорфа/);
    for (const s of [
      'кодировщики',
      'альфа (значимость)',
      'ни одна позиция не закодирована дважды',
      'По вопросам:',
    ])
      expect(ru.out).toContain(s);
    expect(ru.out).toMatch(/-0,\d{3} \[-0,\d\d, /);
    const zh = await run('reliability', 'scenarios/sco', '--resamples', '50', '--lang', 'zh');
    for (const s of ['编码者信度', '克里彭多夫α系数', 'α（重视程度）', '各议题：'])
      expect(zh.out).toContain(s);
    for (const s of ['Coder agreement', 'saliences', 'Per issue']) expect(zh.out).not.toContain(s);
    const en = await run('reliability', 'scenarios/sco', '--resamples', '50', '--json');
    expect(
      (await run('reliability', 'scenarios/sco', '--resamples', '50', '--json', '--lang', 'zh')).out,
    ).toBe(en.out);
  });
});

describe('token in Russian and Chinese', () => {
  it('prints token create, list and revoke in Russian and Chinese; English and JSON unchanged', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const store = join(mkdtempSync(join(tmpdir(), 'concord-lang-token-')), 'tokens.sqlite');
    const en = await run('token', 'create', '--workspace', 'delta', '--store', store);
    expect(en.code).toBe(0);
    expect(en.err).toMatch(/^token \S+ for workspace "delta" in .+, no expiry\n/);
    expect(en.err).toContain('Send it as `Authorization: Bearer <token>`,\nor paste it in the lab');
    const ru = await run('token', 'create', '--workspace', 'delta', '--store', store, '--lang', 'ru');
    expect(ru.err).toMatch(/^токен \S+ для рабочего пространства «delta» в .+, бессрочный\n/);
    expect(ru.err).toContain('`Authorization: Bearer <token>`');
    const list = await run('token', 'list', '--store', store, '--lang', 'zh');
    for (const s of ['工作区', '创建时间', '撤销时间']) expect(list.out).toContain(s);
    expect(list.out).not.toContain('workspace');
    const json = await run('token', 'list', '--store', store, '--json');
    expect((await run('token', 'list', '--store', store, '--json', '--lang', 'ru')).out).toBe(json.out);
    const id = JSON.parse(json.out)[0].id as string;
    expect((await run('token', 'revoke', id, '--store', store, '--lang', 'zh')).out).toBe(`已撤销 ${id}`);
  });
});
