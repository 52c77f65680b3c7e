/**
 * Report section "Did enlargement fragment the SCO?": the seed paper's warning tested on the UN
 * General Assembly votes for each enlargement (2017, 2023, 2024): cohesion before and after with
 * its composition split, the camps of the enlarged set with their bootstrap interval and the
 * null model, and the China–Russia agreement per year. Every sentence is computed from the figures.
 */
import { type AlignmentResult, alignOrganization, type StageComparison } from '../../alignment/analysis.js';
import { loadVoteData } from '../../alignment/load.js';
import { alignmentNoteIn } from '../../alignment/notes.js';
import type { CampUncertainty } from '../../alignment/uncertainty.js';
import { isConcordError } from '../../errors.js';
import { esc } from '../../util/html.js';
import { renderSeries } from '../charts/alignment.js';
import { htmlTable } from '../html.js';
import { type Locale, localeOf, numbers, punctuation, reportT, summaryT } from '../i18n.js';
import { orgNames } from '../names.js';
import type { ReportSection } from '../report.js';
import { BOOTSTRAP } from './alignment.js';

type T = ReturnType<typeof reportT>;

/** The section's number formats in the locale (English: exactly as the report always wrote them). */
function fmts(l: Locale) {
  const n = numbers(l);
  const f3 = (x: number | null | undefined) => (x == null ? '–' : n.fixed(Math.abs(x) < 0.0005 ? 0 : x, 3));
  const sg = (x: number) => `${x >= 0 ? '+' : '−'}${f3(Math.abs(x))}`;
  const pc = (x: number | null | undefined) => n.pct(x, 1);
  return { n, f3, sg, pc };
}

/** "fell", "rose" or "did not change measurably" (beyond two standard errors, roll calls independent). */
function direction(change: number, se: number | null, t: T): string {
  if (se !== null && Math.abs(change) <= 2 * se) return t('fragmentation.unchanged');
  return change < 0 ? t('fragmentation.fell') : t('fragmentation.rose');
}

function campsText(u: CampUncertainty | null, camps: readonly string[][], q: number, t: T): string {
  const { f3 } = fmts(t.locale);
  const list = camps.map((c) => c.join(' ')).join(' | ');
  if (!u) return t('fragmentation.camps-plain', { camps: list, q: f3(q) });
  return t(u.strongerThanChance ? 'fragmentation.camps-stronger' : 'fragmentation.camps-weaker', {
    camps: list,
    q: f3(q),
    lo: f3(u.bootstrap.lo),
    hi: f3(u.bootstrap.hi),
    chance: f3(u.null.hi),
  });
}

function stageSentence(s: StageComparison, t: T): string {
  const { f3, sg } = fmts(t.locale);
  const P = punctuation(t.locale);
  const what = s.joined.length ? `+${s.joined.join(', ')}` : `−${s.left.join(', ')}`;
  if (!s.comparable || !s.before || !s.after || s.change === null)
    return `${s.date} (${what}): ${s.note ? (alignmentNoteIn(s.note, t.locale) ?? s.note) : t('fragmentation.not-comparable')}${P.stop}`;
  const sp = s.split!;
  const main = t('fragmentation.stage-main', {
    date: s.date,
    what,
    direction: direction(s.change, s.changeSe, t),
    before: f3(s.before.oldSet.agreementIndex),
    nBefore: s.membersBefore.length,
    after: f3(s.after.newSet.agreementIndex),
    nAfter: s.membersAfter.length,
    change: sg(s.change),
    se: f3(s.changeSe),
  });
  const args = {
    n: s.membersAfter.length,
    newBefore: f3(s.before.newSet.agreementIndex),
    composition: sg(sp.composition),
    behaviour: sg(sp.behaviour),
  };
  const why =
    s.changeSe !== null && Math.abs(s.change) <= 2 * s.changeSe
      ? t('fragmentation.why-split', args)
      : Math.abs(sp.composition) < Math.abs(sp.behaviour)
        ? t('fragmentation.why-behaviour', args)
        : t('fragmentation.why-composition', args);
  const u = s.after.newCampsUncertainty;
  const camps = u
    ? t(u.strongerThanChance ? 'fragmentation.after-camps-stronger' : 'fragmentation.after-camps-weaker', {
        q: f3(u.observed),
        lo: f3(u.bootstrap.lo),
        hi: f3(u.bootstrap.hi),
        chance: f3(u.null.hi),
      })
    : '';
  const scope = s.scope === 'resolutions' ? t('fragmentation.scope') : '';
  return [main, why, camps, scope].filter(Boolean).join(P.gap);
}

export const fragmentationSection: ReportSection = {
  id: 'fragmentation',
  title: 'Did enlargement fragment the SCO?',
  titleIn: (l) => reportT(l)('section.fragmentation'),
  // The seed paper's warning is about the SCO and its enlargements.
  applies: (ctx) => ctx.orgId === 'sco',
  render(ctx) {
    const l = localeOf(ctx);
    const t = reportT(l);
    const { n, f3, sg, pc } = fmts(l);
    const org = ctx.registry.get(ctx.orgId);
    const short = orgNames(org, l).shortName;
    const data = loadVoteData();
    const lastData = data.rollCalls.at(-1)!.date;
    const first = `${data.meta.firstYear}-01-01`;
    const from = org.founded > first ? org.founded : first;
    const end = org.dissolved && org.dissolved < ctx.date ? org.dissolved : ctx.date;
    const to = end < lastData ? end : lastData;
    let r: AlignmentResult;
    try {
      r = alignOrganization(data, org, { from, to, bootstrap: BOOTSTRAP });
    } catch (e) {
      if (!isConcordError(e)) throw e;
      return {
        html: `<p class="note">${esc(t('fragmentation.none', { org: short }))} <span lang="en">${esc(e.message)}</span>${punctuation(l).stop}</p>`,
        summary: [`no figures: ${e.message}`],
      };
    }
    const st = r.stages.filter((s) => s.date <= ctx.date && s.joined.length);
    if (!st.length)
      return {
        html: `<p class="note">${esc(t('fragmentation.no-enlargement', { org: short }))}</p>`,
        summary: [],
      };
    const rows = st.flatMap((s) =>
      (
        [
          ['before', s.before],
          ['after', s.after],
        ] as const
      ).map(([label, p]) => [
        label === 'before' ? `${s.date} +${s.joined.join(', ')}` : '',
        label === 'before' ? t('fragmentation.before') : t('fragmentation.after'),
        p ? `${p.from} – ${p.to}` : '–',
        p ? p.rollCalls : '–',
        p ? f3(p.oldSet.agreementIndex) : '–',
        p ? f3(p.newSet.agreementIndex) : '–',
        p ? campsText(p.newCampsUncertainty, p.newCamps.camps, p.newCamps.modularity, t) : '–',
      ]),
    );
    const table = htmlTable(
      [
        t('fragmentation.th.stage'),
        '',
        t('fragmentation.th.period'),
        t('fragmentation.th.roll-calls'),
        t('fragmentation.th.old-set'),
        t('fragmentation.th.new-set'),
        t('fragmentation.th.camps'),
      ],
      rows,
      { caption: t('fragmentation.caption'), lang: l },
    );
    const splitRows = st
      .filter((s) => s.split)
      .map((s) => [
        `${s.date} +${s.joined.join(', ')}`,
        `${sg(s.change!)} ± ${f3(s.changeSe)}`,
        sg(s.split!.composition),
        sg(s.split!.behaviour),
        l === 'en' ? s.scope : t('fragmentation.scope-name', { scope: s.scope }),
      ]);
    const splitTable = htmlTable(
      [
        t('fragmentation.th.stage'),
        t('fragmentation.th.change'),
        t('fragmentation.th.composition'),
        t('fragmentation.th.behaviour'),
        t('fragmentation.th.scope'),
      ],
      splitRows,
      { caption: t('fragmentation.split-caption'), lang: l },
    );
    const p = r.pairByYear;
    const crChart = p
      ? renderSeries({
          id: 'fragmentation-chn-rus',
          title: t('fragmentation.pair-title', {
            a: p.a,
            b: p.b,
            from: r.window.fromYear,
            to: r.window.toYear,
          }),
          locale: l,
          from: r.window.fromYear,
          to: r.window.toYear,
          series: [
            {
              key: 'agreement',
              label: t('fragmentation.series.agreement'),
              points: p.years.map((y) => ({ year: y.year, value: y.agreement })),
            },
            {
              key: 'agreementYesNo',
              label: t('fragmentation.series.yes-no'),
              points: p.years.map((y) => ({ year: y.year, value: y.agreementYesNo })),
            },
          ],
          marks: st.map((s) => ({ date: s.date, label: `+${s.joined.join(', ')}` })),
          dataEnd: r.window.toYear,
          yLabel: t('fragmentation.y-label'),
        })
      : '';
    const crTable = p
      ? htmlTable(
          [
            t('fragmentation.th.year'),
            t('fragmentation.th.roll-calls'),
            t('fragmentation.th.agreement'),
            t('fragmentation.th.yes-no'),
            'κ',
            t('fragmentation.th.source'),
          ],
          p.years.map((y) => [
            String(y.year),
            y.rollCalls,
            pc(y.agreement),
            pc(y.agreementYesNo),
            f3(y.kappa),
            y.source === 'un'
              ? t('fragmentation.source.un')
              : y.source === 'voeten'
                ? t('fragmentation.source.voeten')
                : (y.source ?? '–'),
          ]),
          { caption: t('fragmentation.pair-caption', { a: p.a, b: p.b }), lang: l },
        )
      : '';
    const fell = st.filter((s) => s.change !== null && s.changeSe !== null && s.change < -2 * s.changeSe);
    const rose = st.filter((s) => s.change !== null && s.changeSe !== null && s.change > 2 * s.changeSe);
    const lastAfter = st.at(-1)?.after;
    const lastCamps = lastAfter ? lastAfter.newCamps.camps.map((c) => c.join(' ')).join(' | ') : '';
    const chance = st.filter(
      (s) => s.after?.newCampsUncertainty && !s.after.newCampsUncertainty.strongerThanChance,
    );
    const years = (xs: typeof st) => xs.map((s) => s.date.slice(0, 4)).join(', ');
    const answerIn = (tt: T) => {
      const ff = fmts(tt.locale);
      const head = tt('fragmentation.answer-head', {
        rollCalls: ff.n.int(r.window.rollCalls),
        from: r.window.from,
        to: r.window.to,
        fell: fell.length,
        total: st.length,
        fellYears: fell.length ? years(fell) : '',
        rose: rose.length,
        roseYears: rose.length ? years(rose) : '',
      });
      const camps = chance.length
        ? tt('fragmentation.answer-chance', { count: chance.length, years: years(chance) })
        : lastCamps
          ? tt('fragmentation.answer-stronger-last', { camps: lastCamps })
          : tt('fragmentation.answer-stronger');
      return `${head}${camps}${tt('fragmentation.answer-tail')}`;
    };
    const answer = answerIn(t);
    const html = `<p>${esc(t('fragmentation.intro'))}</p>
<p><strong>${esc(answer)}</strong></p>
<ul>${st.map((s) => `<li>${esc(stageSentence(s, t))}</li>`).join('')}</ul>
${table}
${splitTable}
<p class="note">${esc(t('fragmentation.note', { bootstrap: n.int(BOOTSTRAP), seam: data.seam ?? '' }))}</p>
${crChart}
<details><summary>${p ? esc(t('fragmentation.pair-caption', { a: p.a, b: p.b })) : ''}</summary>${crTable}</details>`;
    // The terminal summary in the report's language.
    const summary = [answer, ...st.map((s) => stageSentence(s, t))];
    if (p) {
      const last = p.years.filter((y) => y.agreement !== null).at(-1);
      const firstY = p.years.find((y) => y.agreement !== null);
      if (firstY && last)
        summary.push(
          summaryT(l)('fragmentation.pair', {
            a: p.a,
            b: p.b,
            first: fmts(l).pc(firstY.agreement),
            firstYear: String(firstY.year),
            last: fmts(l).pc(last.agreement),
            lastYear: String(last.year),
          }),
        );
    }
    return { html, summary };
  },
};
