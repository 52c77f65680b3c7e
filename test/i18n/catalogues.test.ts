/**
 * Every catalogue is complete and consistent: for each namespace, the Russian and Chinese
 * catalogues have exactly English's keys, each message parses as ICU MessageFormat and uses the
 * same arguments as English, and every key is used somewhere in src/ or web/src/.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/i18n/locale.js';
import type { Namespace } from '../../src/i18n/translate.js';

const root = join(import.meta.dirname, '../..');
const messagesDir = join(root, 'src/i18n/messages');

/** Loads every namespace module (src/i18n/messages/<ns>/index.ts). */
async function loadNamespaces(): Promise<Namespace[]> {
  const out: Namespace[] = [];
  for (const name of readdirSync(messagesDir)) {
    if (!statSync(join(messagesDir, name)).isDirectory()) continue;
    const mod = (await import(join(messagesDir, name, 'index.ts'))) as Record<string, unknown>;
    const ns = Object.values(mod).find(
      (v): v is Namespace => !!v && typeof v === 'object' && 'catalogues' in v,
    );
    if (!ns) throw new Error(`src/i18n/messages/${name}/index.ts exports no namespace`);
    expect(ns.name, `namespace folder ${name}`).toBe(name);
    out.push(ns);
  }
  return out;
}

/** The argument names a message uses (nested in plurals and selects too). */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if ('value' in el && typeof el.value === 'string' && el.type !== TYPE.tag) into.add(el.value);
    if (el.type === TYPE.tag) {
      into.add(`<${el.value}>`);
      argumentsOf(el.children, into);
    }
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      for (const opt of Object.values(el.options)) argumentsOf(opt.value, into);
    }
  }
  return into;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'messages' && name !== 'node_modules' && name !== 'dist') sourceFiles(p, out);
    } else if (/\.(ts|tsx)$/.test(name)) out.push(p);
  }
  return out;
}

describe('message catalogues', async () => {
  const namespaces = await loadNamespaces();
  const sources = [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'web/src'))]
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');

  it('has the common namespace at least', () => {
    expect(namespaces.map((n) => n.name)).toContain('common');
  });

  for (const ns of namespaces) {
    describe(ns.name, () => {
      const en = ns.catalogues.en;
      it('every locale has exactly the English keys', () => {
        const problems: string[] = [];
        for (const locale of LOCALES) {
          const keys = Object.keys(ns.catalogues[locale]);
          for (const k of Object.keys(en))
            if (!(k in ns.catalogues[locale])) problems.push(`${locale}: missing ${k}`);
          for (const k of keys) if (!(k in en)) problems.push(`${locale}: extra ${k}`);
        }
        expect(problems).toEqual([]);
      });

      it('every message parses and uses the same arguments as English', () => {
        const problems: string[] = [];
        for (const [key, text] of Object.entries(en)) {
          const want = [...argumentsOf(parse(text))].sort();
          for (const locale of LOCALES) {
            const own = ns.catalogues[locale][key];
            if (own === undefined) continue;
            try {
              const got = [...argumentsOf(parse(own))].sort();
              if (got.join() !== want.join())
                problems.push(`${locale} ${key}: {${got}} vs English {${want}}`);
            } catch (e) {
              problems.push(`${locale} ${key}: ${(e as Error).message}`);
            }
            if (locale !== 'en' && own.trim() === '') problems.push(`${locale} ${key}: empty`);
          }
        }
        expect(problems).toEqual([]);
      });

      it('every key is used in src/ or web/src/', () => {
        const unused = Object.keys(en).filter(
          (k) =>
            !ns.dynamic.some((p) => k.startsWith(p)) &&
            !sources.includes(`'${k}'`) &&
            !sources.includes(`"${k}"`),
        );
        expect(unused).toEqual([]);
      });
    });
  }
});
