/**
 * What an import did with the cells it could not take as they were: every cell or row skipped or
 * given a default is counted under its reason, with the first few places (`line 12, column sfr`),
 * so that a user sees what the model runs on. Printed on stderr by the CLI and given in `--json`.
 */
import { formatter } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locale.js';
import { scenarioNotes } from '../../i18n/messages/scenario-notes/index.js';
import { translator } from '../../i18n/translate.js';
import { importNoteIn, importPlaceIn, importReasonIn } from '../notes.js';

export interface ImportCount {
  /** skipped: left out; defaulted: taken with a documented default; note: taken as is, worth knowing. */
  readonly kind: 'skipped' | 'defaulted' | 'note';
  readonly reason: string;
  readonly count: number;
  /** The first places (at most five): `line 12, column sfr`. */
  readonly where: readonly string[];
}

export interface ImportSummary {
  readonly format: string;
  readonly file: string;
  /** Issues imported (forecast), and rows or issues left out. */
  readonly issues: number;
  readonly actors: number;
  /** Columns kept as case metadata (DEU tables). */
  readonly metadata: readonly string[];
  readonly counts: readonly ImportCount[];
  readonly notes: readonly string[];
}

/** Collects counts while a file is read. */
export class Tally {
  private readonly map = new Map<string, { kind: ImportCount['kind']; count: number; where: string[] }>();
  readonly notes: string[] = [];

  add(kind: ImportCount['kind'], reason: string, where: string): void {
    let e = this.map.get(reason);
    if (!e) {
      e = { kind, count: 0, where: [] };
      this.map.set(reason, e);
    }
    e.count++;
    if (e.where.length < 5) e.where.push(where);
  }

  counts(): ImportCount[] {
    const order = { skipped: 0, defaulted: 1, note: 2 } as const;
    return [...this.map]
      .map(([reason, e]) => ({ kind: e.kind, reason, count: e.count, where: e.where }))
      .sort((a, b) => order[a.kind] - order[b.kind]);
  }
}

/**
 * The summary as lines for stderr, in `locale` (English, the default, as before; another language:
 * the frame from the `scenario-notes` catalogue, the importers' reasons, notes and places worded
 * there too, a reason it does not know left in English).
 */
export function formatSummary(s: ImportSummary, locale: Locale = 'en'): string {
  if (locale === 'en') {
    const lines = [
      `${s.file}: ${s.format === 'long' || s.format === 'deu' ? `${s.format} table` : `${s.format} file`}: ${s.issues} issue${s.issues === 1 ? '' : 's'}, ${s.actors} actor${s.actors === 1 ? '' : 's'}`,
    ];
    if (s.metadata.length) lines.push(`  case metadata kept: ${s.metadata.join(', ')}`);
    for (const c of s.counts) {
      const more = c.count > c.where.length ? ', …' : '';
      lines.push(`  ${c.kind} ${c.count}: ${c.reason} (${c.where.join('; ')}${more})`);
    }
    for (const n of s.notes) lines.push(`  note: ${n}`);
    return lines.join('\n');
  }
  const t = translator(scenarioNotes, locale);
  const f = formatter(locale);
  const lines = [t('import.head', { file: s.file, format: s.format, issues: s.issues, actors: s.actors })];
  if (s.metadata.length) lines.push(t('import.metadata', { columns: f.list(s.metadata) }));
  for (const c of s.counts) {
    const list = c.where.map((w) => importPlaceIn(w, locale)).join('; ');
    lines.push(
      t('import.count', {
        kind: t(`kind.${c.kind}`),
        count: f.number(c.count),
        reason: importReasonIn(c.reason, locale) ?? c.reason,
        where: c.count > c.where.length ? t('where.more', { list }) : list,
      }),
    );
  }
  for (const n of s.notes) lines.push(t('import.note', { note: importNoteIn(n, locale) ?? n }));
  return lines.join('\n');
}
