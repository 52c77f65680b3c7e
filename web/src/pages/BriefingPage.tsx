/**
 * Briefings per enlargement: one screen that answers "did this enlargement dilute the leader or
 * paralyse the organization?" — the answer in three sentences, then the balance, the capacity to
 * decide, blocking power and alignment before and after, each chart with what it shows and what it
 * does not, its data table and its downloads. Data from /api/orgs/sco/briefings/{stage}; charts by
 * the report's own code (src/report/charts/before-after.ts). In Russian and Chinese the page asks for
 * the texts in its language (`?lang=`; the figures are the same).
 */
import { useMemo } from 'react';
import type { Formatter } from '../../../src/i18n/format.js';
import { labPages } from '../../../src/i18n/messages/lab-pages/index.js';
import { BRIEFINGS, type Briefing, briefingSpecIn, figureCsv } from '../../../src/report/briefing.js';
import { renderBeforeAfter } from '../../../src/report/charts/before-after.js';
import { ErrorNote } from '../components/Notice.js';
import { SvgChart } from '../components/SvgChart.js';
import { TableBox } from '../components/TableBox.js';
import { useApi } from '../hooks.js';
import { useFormat, useLocale, useT } from '../i18n.js';
import { Link, useSearch, useTitle } from '../router.js';

/** A figure's values: shares as percentages, indices with three decimals, in the lab's language. */
const formatIn = (n: Formatter) => (unit: 'share' | 'index') => (v: number) =>
  unit === 'share' ? n.percent(v, v < 0.01 ? 2 : 1) : n.fixed(v, 3);

export function BriefingPage() {
  const t = useT(labPages);
  const n = useFormat();
  const { locale } = useLocale();
  const fmt = formatIn(n);
  const search = useSearch();
  const stage = BRIEFINGS.find((b) => b.id === search.get('stage'))?.id ?? '2017';
  const title = (id: (typeof BRIEFINGS)[number]['id']) =>
    locale === 'en' ? BRIEFINGS.find((b) => b.id === id)!.title : briefingSpecIn(id, locale).title;
  useTitle(t('briefing.title', { stage: title(stage) }));
  const r = useApi<Briefing>(
    `/api/orgs/sco/briefings/${stage}${locale === 'en' ? '' : `?lang=${locale === 'zh-Hans' ? 'zh' : locale}`}`,
  );
  const b = r.data && r.data.id === stage ? r.data : null;
  const charts = useMemo(
    () =>
      b?.figures.map((f) =>
        renderBeforeAfter({
          id: `lab-briefing-${f.id}`,
          title: f.title,
          description: `${f.shows} ${f.doesNotShow}`,
          rows: f.rows,
          beforeLabel: f.beforeLabel,
          afterLabel: f.afterLabel,
          format: formatIn(n)(f.unit),
          ...(f.unit === 'index' ? { max: 1 } : {}),
          locale: n.locale,
        }),
      ) ?? [],
    [b, n],
  );
  return (
    <>
      <h1 tabIndex={-1}>{t('briefing.h1', { stage: title(stage) })}</h1>
      <nav aria-label={t('briefing.nav')} className="button-row">
        {BRIEFINGS.map((x) => (
          <Link
            key={x.id}
            href={`/briefing?stage=${x.id}`}
            className="chip-link"
            aria-current={x.id === stage ? 'page' : undefined}
          >
            {title(x.id)}
          </Link>
        ))}
      </nav>
      <ErrorNote error={r.error} />
      {b ? (
        <>
          <section className="panel answer-panel" aria-labelledby="answer-h">
            <h2 id="answer-h">{b.question}</h2>
            <ul className="answer">
              {b.answer.map((a) => (
                <li key={a}>{a}</li>
              ))}
            </ul>
            <p className="small muted">
              {t('briefing.stage', {
                date: locale === 'en' ? b.date : n.date(b.date),
                before: b.membersBefore.length,
                after: b.membersAfter.length,
                joined: b.joined.join(', '),
              })}
            </p>
          </section>
          <div className="briefing-grid">
            {b.figures.map((f, i) => (
              <section key={f.id} className="panel briefing-figure" aria-labelledby={`fig-${f.id}-h`}>
                <h2 id={`fig-${f.id}-h`} className="figure-title">
                  {f.title}
                </h2>
                <SvgChart svg={charts[i]!} name={`sco-briefing-${b.id}-${f.id}`} csv={figureCsv(f)} />
                <p className="small">
                  <strong>{t('briefing.shows')}</strong> {f.shows}
                </p>
                <p className="small">
                  <strong>{t('briefing.doesNotShow')}</strong> {f.doesNotShow}
                </p>
                <details>
                  <summary>{t('briefing.table')}</summary>
                  <TableBox label={t('briefing.tableOf', { title: f.title })}>
                    <table>
                      <caption className="sr-only">{f.title}</caption>
                      <thead>
                        <tr>
                          <th scope="col">
                            <span className="sr-only">{t('briefing.row')}</span>
                          </th>
                          <th scope="col">{f.beforeLabel}</th>
                          <th scope="col">{f.afterLabel}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {f.rows.map((row) => (
                          <tr key={row.label}>
                            <th scope="row">{row.label}</th>
                            <td className="num">{row.before === null ? '–' : fmt(f.unit)(row.before)}</td>
                            <td className="num">{row.after === null ? '–' : fmt(f.unit)(row.after)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </TableBox>
                </details>
              </section>
            ))}
          </div>
          {b.notes.length ? (
            <ul className="small muted">
              {b.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          ) : null}
        </>
      ) : r.loading ? (
        <p>{t('briefing.computing')}</p>
      ) : null}
    </>
  );
}
