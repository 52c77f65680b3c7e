/**
 * Report section (the SCO): the reform explorer on two questions of the seed paper's — can the SCO
 * decide more easily while the Central Asian members keep their veto, and without letting the
 * largest members override the others? — with each kept rule's passage probability at every
 * stage, and an infeasible set with the conflict the explorer names.
 */
import { DEFAULT_LOCALE, type Locale } from '../../i18n/locale.js';
import { reform as reformMessages } from '../../i18n/messages/reform/index.js';
import { translator } from '../../i18n/translate.js';
import { quotaSweep } from '../../power/quota.js';
import { parseConstraint, type ReformResult, reform } from '../../power/reform.js';
import { reformRuleLabel } from '../../power/reform-labels.js';
import { compile } from '../../rules/compile.js';
import { gameFromPlayers } from '../../rules/game.js';
import { loadBuiltinGameFile } from '../../rules/load.js';
import { esc } from '../../util/html.js';
import { renderQuotaChart } from '../charts/quota.js';
import { htmlTable } from '../html.js';
import { numbers, summaryT } from '../i18n.js';
import type { ReportContext, ReportSection } from '../report.js';

const CENTRAL_ASIA = ['KAZ', 'KGZ', 'TJK', 'UZB'];
const SHOWN = 8;

const QUESTIONS: ReadonlyArray<{ key: 'section.q1' | 'section.q2'; constraints: string[] }> = [
  { key: 'section.q1', constraints: ['passage>=0.05', `veto:${CENTRAL_ASIA.join(',')}`] },
  {
    key: 'section.q2',
    constraints: [
      'passage>=0.10',
      `bloc-veto:${CENTRAL_ASIA.join(',')}`,
      'maxshare:banzhaf<=0.30',
      'cannot-pass-alone:CHN,RUS,IND',
    ],
  },
];
const CONFLICT = ['passage>=0.05', 'veto:CHN,RUS,IND,PAK,IRN', 'maxshare:banzhaf<=0.30'];

const localeOf = (ctx: ReportContext): Locale => (ctx as { locale?: Locale }).locale ?? DEFAULT_LOCALE;

const pct = (x: number | null) => (x === null ? '–' : `${(100 * x).toFixed(x < 0.01 ? 3 : 2)}%`);

/** Power against the quota of the EEC Council of 1958, with the square-root optimal quota marked. */
function quotaBlock(
  t: ReturnType<typeof translator<NonNullable<(typeof reformMessages)['__keys']>>>,
): string {
  const game = gameFromPlayers(loadBuiltinGameFile('eec-1958'), 'eec-1958');
  const c = compile(game.rule, game.players);
  const atom = c.atoms[0]!;
  const dim = c.dims[atom.dim]!;
  const weights = dim.weights.map(Number);
  const sweep = quotaSweep(c.ids, weights, { indices: ['banzhaf'] });
  const optimal = `${(100 * sweep.squareRootQuota.relative).toFixed(1)}%`;
  const own = Number(atom.quota);
  const chart = renderQuotaChart({
    id: 'report-quota-eec',
    title: t('quota.chartTitle'),
    sweep,
    ownQuota: own,
    labels: {
      passage: t('quota.passage'),
      yLabel: t('quota.yLabel'),
      squareRoot: t('quota.squareRoot', { optimal }),
      own: t('quota.own', { quota: own }),
    },
  });
  const rows = sweep.quotas.map((q) => [
    `${q.quota}${q.quota === own ? ' *' : ''}`,
    `${(100 * q.passageProbability).toFixed(2)}%`,
    ...q.players.map((p) => (p.banzhaf ?? 0).toFixed(4)),
  ]);
  const table = htmlTable([t('quota.col.quota'), t('quota.passage'), ...c.ids], rows, {
    caption: t('quota.caption'),
  });
  return `<h3>${esc(t('quota.title'))}</h3>
<p>${esc(t('quota.why', { total: sweep.total, optimal, jumps: sweep.jumps.length }))}</p>
${chart}
${table}`;
}

export const reformSection: ReportSection = {
  id: 'reform',
  title: translator(reformMessages, DEFAULT_LOCALE)('section.title'),
  titleIn: (l) => translator(reformMessages, l)('section.title'),
  applies: (ctx) => ctx.orgId === 'sco',
  render(ctx) {
    const t = translator(reformMessages, localeOf(ctx));
    const org = ctx.registry.get(ctx.orgId);
    const run = (cs: readonly string[]) =>
      reform(org, ctx.ds, { constraints: cs.map((c, i) => parseConstraint(c, `constraints[${i}]`)) });
    const results = QUESTIONS.map((q) => ({ q, r: run(q.constraints) }));
    const first = results[0]!.r;
    const table = (r: ReformResult) => {
      const at = r.stages.findIndex((s) => s.checked && !s.hypothetical);
      return htmlTable(
        [
          t('col.rank'),
          t('col.rule'),
          ...r.stages.map((s) => `${s.from.slice(0, 4)} (${s.members.length})${s.checked ? '*' : ''}`),
          t('col.maxShare'),
          t('col.vetoes'),
        ],
        r.rules.slice(0, SHOWN).map((x) => {
          const f = x.stages[at]!;
          return [
            x.rank,
            reformRuleLabel(t, x.parts),
            ...x.stages.map((s) => pct(s.passageProbability)),
            f.maxShare ? `${f.maxShare.id} ${(100 * f.maxShare.banzhaf).toFixed(1)}%` : '–',
            f.vetoes.length === r.stages[at]!.members.length
              ? t('vetoes.all')
              : f.vetoes.join(' ') || t('vetoes.none'),
          ];
        }),
        {
          caption: t('section.caption', {
            count: r.rules.length,
            constraints: r.constraints.map((c) => c.text).join(', '),
            date: r.at,
          }),
        },
      );
    };
    const conflict = run(CONFLICT);
    const vetoed = CONFLICT[1]!.slice('veto:'.length).split(',');
    const blocks = results
      .map(
        ({ q, r }) =>
          `<h3>${esc(t(q.key, { org: org.shortName }))}</h3>\n${table(r)}${
            r.rules.length > SHOWN
              ? `\n<p class="note">${esc(t('section.more', { count: r.rules.length - SHOWN, org: org.id }))}</p>`
              : ''
          }`,
      )
      .join('\n');
    const html = `<p>${esc(t('section.intro', { org: org.shortName, rules: first.family.rules, date: first.at }))}</p>
${blocks}
<p>${esc(
      t('section.conflict', {
        members: vetoed.join(', '),
        k: vetoed.length,
        denominator: 2 ** vetoed.length,
        conflict: conflict.conflicts.map((c) => c.texts.join(' + ')).join('; ') || '–',
      }),
    )}</p>
<p class="note">${esc(t('section.note'))}</p>
${quotaBlock(t)}`;
    return {
      html,
      summary: results.map(({ q, r }) => {
        const l = localeOf(ctx);
        const p = (x: number | null) =>
          l === 'en' || x === null ? pct(x) : numbers(l).pct(x, x < 0.01 ? 3 : 2);
        return summaryT(l)('reform.best', {
          constraints: q.constraints.join(', '),
          count: String(r.rules.length),
          best: r.rules[0]
            ? `${r.rules[0].id} ${p(r.rules[0].stages[r.stages.findIndex((s) => s.checked)]!.passageProbability)}`
            : '',
          hasBest: r.rules[0] ? 'yes' : 'no',
        });
      }),
    };
  },
};
