/**
 * The data notes the library writes in English (org/facts.ts's facts, org/players.ts's game fields),
 * in a locale: each form matched whole, anything else kept as written. Browser-safe (the lab uses
 * them too).
 */
import { type Locale, reportT } from './i18n.js';

/** A note of org/facts.ts: the three forms it takes. */
export function factNoteIn(note: string, locale: Locale): string {
  if (locale === 'en') return note;
  const t = reportT(locale);
  const label = (x: string) =>
    x === 'population' ? t('facts.population') : x === 'GDP' ? t('facts.gdp-short') : x;
  let m = /^(\w+): no data at all for (.+) \(left out of the sum\)$/.exec(note);
  if (m) return t('facts.note.no-data', { label: label(m[1]!), list: m[2]! });
  m = /^(\w+): no year at or before (\d+) has data for every member$/.exec(note);
  if (m) return t('facts.note.no-year', { label: label(m[1]!), year: m[2]! });
  m =
    /^(\w+): (\d+) not available \((?:the data end in (\d+)|(some members lack data for later years))\); (\d+) used$/.exec(
      note,
    );
  if (m)
    return m[3]
      ? t('facts.note.data-end', { label: label(m[1]!), year: m[2]!, last: m[3], used: m[5]! })
      : t('facts.note.later-missing', { label: label(m[1]!), year: m[2]!, used: m[5]! });
  return note;
}

/** A note of org/players.ts (the fields of a game built from the data): the three forms it takes. */
export function playersNoteIn(note: string, locale: Locale): string {
  if (locale === 'en') return note;
  const t = reportT(locale);
  let m = /^(\w+): (.+) data for (\d+) not available for every member; (\d+) used$/.exec(note);
  if (m) return t('notes.players.not-every', { field: m[1]!, who: m[2]!, year: m[3]!, used: m[4]! });
  m =
    /^(\w+): (.+) data begin after (\d+) for some member; (\d+), the first year with every member, used$/.exec(
      note,
    );
  if (m) return t('notes.players.begin-after', { field: m[1]!, who: m[2]!, year: m[3]!, used: m[4]! });
  m = /^(\w+): no year has (.+) data for every member(?: \(none for (.+)\))?; field left out$/.exec(note);
  if (m)
    return t('notes.players.none', {
      field: m[1]!,
      who: m[2]!,
      missing: m[3] ? t('notes.players.missing', { list: m[3] }) : '',
    });
  return note;
}
