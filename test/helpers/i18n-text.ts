/** Checks of translated text: the English words left in it, and the figures it carries. */

/**
 * Latin words of three letters or more that are not codes: ISO3 codes and ids in upper case,
 * `backticked` field names, the given ids (issue and package ids as the file writes them) and the
 * few Latin names the glossary keeps (Dykstra; the option `--model smp`) are allowed.
 */
export function englishWords(text: string, ids: readonly string[] = []): string[] {
  let t = text.replace(/`[^`]*`/g, '');
  for (const id of [...ids].sort((a, b) => b.length - a.length)) t = t.split(id).join(' ');
  return (t.match(/[A-Za-z]{3,}/g) ?? []).filter(
    (w) => w !== w.toUpperCase() && !/^(Dykstra|smp|models|model)$/.test(w),
  );
}

/**
 * The numbers of a text, sorted: digit groups joined (1 234 in Russian, 1,234 in English and
 * Chinese), a Russian decimal comma read as a point.
 */
export function figures(text: string, locale: 'en' | 'ru' | 'zh-Hans' = 'ru'): number[] {
  const grouped = locale === 'ru' ? /(\d)[\u00a0\u202f ](\d{3})/g : /(\d),(\d{3})(?=\D|$)/g;
  return (text.replace(grouped, '$1$2').match(/\d+(?:[.,]\d+)?/g) ?? [])
    .map((x) => Number(x.replace(',', '.')))
    .sort((a, b) => a - b);
}
