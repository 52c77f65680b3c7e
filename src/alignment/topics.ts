/**
 * Topics of UN General Assembly roll calls from their titles, for the roll calls that Voeten's
 * data do not label (the UN's own records from 2019-11-07 on carry no topic codes). The rules are
 * documented keyword patterns on the title, one per topic of Voeten's scheme; `npm run data:build`
 * applies them to the new roll calls and measures how well they reproduce Voeten's own labels on
 * the 1946–2019 roll calls (docs/alignment.md, "Topics"). Pure.
 */

/** Topic code → the pattern that assigns it (case-insensitive, on the title). */
export const TOPIC_RULES: Readonly<Record<string, RegExp>> = {
  /** Palestinian conflict. */
  me: /palestin|israel|golan|jerusalem|gaza|west bank|unrwa|near east|middle east|occupied arab|occupied territor/i,
  /** Nuclear weapons and nuclear material. */
  nu: /nuclear|atomic/i,
  /** Arms control and disarmament. */
  di: /disarm|\barms\b|weapon|missile|outer space|\bmines?\b|non-proliferation|test[- ]ban|militar|nuclear/i,
  /** Colonialism. */
  co: /coloni|self-govern|trust territor|non-self|namibia|rhodesia|portug|western sahara|new caledonia|french polynesia|tokelau|guam|american samoa|gibraltar|falkland|malvinas|puerto rico|apartheid|self-determination/i,
  /** Human rights. */
  hr: /human rights|rights of|right to|torture|racis|racial|discriminat|self-determination|refugee|child|women|genocide|death penalty|use of the death|religio|freedom|extrajudicial|democra|xenophob|mercenar|intoleran/i,
  /** Economic development. */
  ec: /econom|develop|trade|embargo|debt|financ|poverty|commodit|industri|agricultur|\bfood\b|globali[sz]|coercive|sustainable|environment|climate|investment|technology|tax/i,
};

/** The topic codes the rules assign to a title, in code order (none for an empty title). */
export function topicsOfTitle(title: string): string[] {
  const t = title.trim();
  if (!t || t === 'NA') return [];
  return Object.keys(TOPIC_RULES)
    .filter((code) => TOPIC_RULES[code]!.test(t))
    .sort();
}

export interface TopicReproduction {
  readonly topic: string;
  /** Roll calls compared (those with a usable title). */
  readonly rollCalls: number;
  /** Share labelled alike: both with the topic or both without. */
  readonly alike: number;
  /** Of the roll calls Voeten labels with the topic, the share the rules label too. */
  readonly recall: number | null;
  /** Of the roll calls the rules label with the topic, the share Voeten labels too. */
  readonly precision: number | null;
}

/** How well the rules reproduce given labels (title → label set), per topic. */
export function topicReproduction(
  items: ReadonlyArray<{ title: string; topics: readonly string[] }>,
): TopicReproduction[] {
  const usable = items.filter((x) => x.title.trim() && x.title.trim() !== 'NA');
  const ruled = usable.map((x) => new Set(topicsOfTitle(x.title)));
  return Object.keys(TOPIC_RULES)
    .sort()
    .map((topic) => {
      let alike = 0;
      let both = 0;
      let labelled = 0;
      let found = 0;
      usable.forEach((x, i) => {
        const a = x.topics.includes(topic);
        const b = ruled[i]!.has(topic);
        if (a === b) alike++;
        if (a) labelled++;
        if (b) found++;
        if (a && b) both++;
      });
      const r4 = (x: number) => Math.round(x * 10000) / 10000;
      return {
        topic,
        rollCalls: usable.length,
        alike: r4(alike / usable.length),
        recall: labelled ? r4(both / labelled) : null,
        precision: found ? r4(both / found) : null,
      };
    });
}
