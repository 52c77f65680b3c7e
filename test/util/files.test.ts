/**
 * The errors of reading a user file name the kind of file in every language: English writes the
 * noun the caller gives ("cannot read game file g.yaml"), and the Russian and Chinese messages
 * carry the same noun from the catalogue, in the case the sentence needs («файл игры», «к файлу
 * игры», «для файла игры»; 博弈文件).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConcordError } from '../../src/errors.js';
import { formatKeyedError, localizeError, prepareErrorLocale } from '../../src/i18n/errors.js';
import { type FileNoun, readUserBytes, readUserFile } from '../../src/util/files.js';

const dir = mkdtempSync(join(tmpdir(), 'concord-files-'));
const binary = join(dir, 'b.yaml');
writeFileSync(binary, 'a\u0000b');
const big = join(dir, 'big.yaml');
writeFileSync(big, 'x'.repeat(1.5 * 1024 * 1024));

/** Each noun with its Russian forms (nominative, dative, genitive) and its Chinese. */
const NOUNS: Array<[FileNoun, string, string, string, string]> = [
  ['file', 'файл', 'файлу', 'входного файла', '文件'],
  ['game file', 'файл игры', 'файлу игры', 'файла игры', '博弈文件'],
  ['scenario file', 'файл сценария', 'файлу сценария', 'файла сценария', '情景文件'],
  ['organization file', 'файл организации', 'файлу организации', 'файла организации', '组织文件'],
  ['capabilities file', 'файл потенциалов', 'файлу потенциалов', 'файла потенциалов', '实力文件'],
  ['rule file', 'файл правила', 'файлу правила', 'файла правила', '规则文件'],
  ['claims file', 'файл утверждений', 'файлу утверждений', 'файла утверждений', '论断文件'],
  ['target file', 'файл целевых долей', 'файлу целевых долей', 'файла целевых долей', '目标份额文件'],
];

function caught(f: () => unknown): ConcordError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ConcordError);
    return e as ConcordError;
  }
  throw new Error('expected an error');
}

beforeAll(async () => {
  await prepareErrorLocale('ru');
  await prepareErrorLocale('zh-Hans');
});

afterEach(() => {
  delete process.env.CONCORD_MAX_INPUT_MB;
});

describe('user-file errors name the kind of file in every language', () => {
  it.each(NOUNS)('%s', (noun, nominative, dative, genitive, zh) => {
    const missing = caught(() => readUserFile('nope.yaml', dir, noun));
    // English: the thrown text, as always; the catalogue carries the noun too (and words the errno).
    expect(missing.message).toBe(`cannot read ${noun} nope.yaml: ENOENT`);
    expect(formatKeyedError(missing, 'en')?.message).toBe(
      `cannot read ${noun} nope.yaml: no such file or directory`,
    );
    expect(localizeError(missing, 'ru').message).toBe(
      `не удаётся прочитать ${nominative} nope.yaml: нет такого файла или каталога`,
    );
    expect(localizeError(missing, 'zh-Hans').message).toBe(`无法读取${zh} nope.yaml：文件或目录不存在`);

    const directory = caught(() => readUserBytes('.', dir, noun));
    const an = noun.startsWith('organization') ? 'an' : 'a';
    expect(directory.message).toBe(`. is a directory, not ${an} ${noun}`);
    expect(directory.hint).toBe(`Give the path of ${an} ${noun}.`);
    expect(formatKeyedError(directory, 'en')).toMatchObject({
      message: directory.message,
      hint: directory.hint,
    });
    expect(localizeError(directory, 'ru')).toMatchObject({
      message: `. — каталог, а не ${nominative}`,
      hint: `Укажите путь к ${dative}.`,
    });
    expect(localizeError(directory, 'zh-Hans')).toMatchObject({
      message: `. 是目录，不是${zh}`,
      hint: `请给出${zh}的路径。`,
    });

    const text = caught(() => readUserFile(binary, dir, noun));
    expect(text.hint).toBe(`Give a YAML or JSON ${noun}.`);
    expect(formatKeyedError(text, 'en')?.hint).toBe(text.hint);
    expect(localizeError(text, 'ru').hint).toBe(`Укажите ${nominative} в формате YAML или JSON.`);
    expect(localizeError(text, 'zh-Hans').hint).toBe(`请给出 YAML 或 JSON 格式的${zh}。`);

    process.env.CONCORD_MAX_INPUT_MB = '1';
    const large = caught(() => readUserFile(big, dir, noun));
    expect(large.message).toMatch(
      new RegExp(`MiB limit for ${noun.startsWith('organization') ? 'an' : 'a'} ${noun}$`),
    );
    expect(formatKeyedError(large, 'en')?.message).toBe(large.message);
    expect(localizeError(large, 'ru').message).toMatch(new RegExp(`МиБ для ${genitive}$`));
    expect(localizeError(large, 'zh-Hans').message).toContain(`超过${zh === '文件' ? '输入文件' : zh}`);
  });
});
