/**
 * Alignment: who votes with whom in the UN General Assembly — the agreement heatmap, the camps as a
 * network, cohesion per year with the enlargements marked, and cohesion before and after each
 * stage. The analysis is the library's (src/alignment/, through /api/orgs/{id}/alignment); the
 * charts are the report's (src/report/charts/alignment.ts).
 */
import { useMemo, useState } from 'react';
import type { PairMeasure, PairStats } from '../../../src/alignment/analysis.js';
import { campGraph, pairMatrix } from '../../../src/alignment/matrix.js';
import { alignmentNoteIn } from '../../../src/alignment/notes.js';
import { labAlignment } from '../../../src/i18n/messages/lab-alignment/index.js';
import { labOrg } from '../../../src/i18n/messages/lab-org/index.js';
import {
  cohesionSeries,
  graphEdges,
  renderCampsNetwork,
  renderHeatmap,
  renderSeries,
} from '../../../src/report/charts/alignment.js';
import { type CampUncertaintyView, campsUncertaintyText, campsVerdict } from '../camps.js';
import { ErrorNote } from '../components/Notice.js';
import { OrgSelect } from '../components/OrgSelect.js';
import { SvgChart } from '../components/SvgChart.js';
import { TableBox } from '../components/TableBox.js';
import { useApi } from '../hooks.js';
import { useFormat, useT } from '../i18n.js';
import { useCountryName, useOrgName } from '../names.js';
import { useTitle } from '../router.js';
import type { OrgSummary, Stage } from '../types.js';

interface Summary {
  rollCalls: number;
  agreementIndex: number | null;
  agreementIndexSe: number | null;
}
interface Alignment {
  organization: { id: string; shortName: string };
  window: {
    from: string;
    to: string;
    fromYear: number;
    toYear: number;
    rollCalls: number;
    topic: { code: string; label: string } | null;
  };
  data: { source: string; lastYear: number; zero: string };
  states: Array<{ iso3: string; name: string; role: 'member' | 'partner' | 'reference'; rollCalls: number }>;
  pairs: PairStats[];
  camps: {
    camps: string[][];
    community: number[];
    modularity: number;
    weights: 'kappa' | 'agreement';
    membersModularity: number | null;
    uncertainty: CampUncertaintyView | null;
  };
  cohesion: {
    overall: Summary;
    byYear: Array<Summary & { year: number; rice: number | null; pairAgreement: number | null }>;
  };
  stages: Array<{
    date: string;
    joined: string[];
    left: string[];
    comparable: boolean;
    note: string | null;
    before: { from: string; to: string; rollCalls: number; oldSet: Summary; newSet: Summary } | null;
    after: { from: string; to: string; rollCalls: number; oldSet: Summary; newSet: Summary } | null;
    change: number | null;
    changeSe: number | null;
    scope: 'all' | 'resolutions';
    split: { composition: number; behaviour: number } | null;
  }>;
  notes: string[];
}
interface Topics {
  topics: Array<{ code: string; label: string }>;
  firstYear: number;
  lastYear: number;
}

const MEASURES: Array<{ id: 'agreement' | 'kappa' | 's'; percent: boolean }> = [
  { id: 'agreement', percent: true },
  { id: 'kappa', percent: false },
  { id: 's', percent: false },
];

const BOOTSTRAPS = ['0', '200', '500', '1000'];

/** "2015–2019" for whole years, else the two days. */
const span = (w: { from: string; to: string }) =>
  w.from.endsWith('-01-01') && w.to.endsWith('-12-31')
    ? `${w.from.slice(0, 4)}–${w.to.slice(0, 4)}`
    : `${w.from} – ${w.to}`;

export function AlignmentPage() {
  const t = useT(labAlignment);
  const orgName = useOrgName();
  const countryName = useCountryName();
  const to_ = useT(labOrg);
  const n = useFormat();
  const f3 = (x: number | null | undefined) => (x == null ? '–' : n.fixed(x, 3));
  const signed = (x: number) => `${x >= 0 ? '+' : ''}${n.fixed(x, 3)}`;
  useTitle(t('title'));
  const [orgId, setOrgId] = useState('sco');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [topic, setTopic] = useState('');
  const [withPartners, setWithPartners] = useState(false);
  const [withUsa, setWithUsa] = useState(true);
  const [measure, setMeasure] = useState<PairMeasure>('agreement');
  /** Bootstrap resamples of the camps (and null-model permutations); the API caps them at 2000. */
  const [bootstrap, setBootstrap] = useState('200');
  const orgs = useApi<{ organizations: OrgSummary[] }>('/api/orgs');
  const topics = useApi<Topics>('/api/alignment/topics');
  const stages = useApi<{ stages: Stage[] }>(`/api/orgs/${orgId}/stages`);
  const q = new URLSearchParams();
  if (/^\d{4}(-\d{2}-\d{2})?$/.test(from)) q.set('from', from);
  if (/^\d{4}(-\d{2}-\d{2})?$/.test(to)) q.set('to', to);
  if (topic) q.set('topic', topic);
  const extra = [...(withPartners ? ['partners'] : []), ...(withUsa ? ['USA'] : [])];
  if (extra.length) q.set('with', extra.join(','));
  if (bootstrap !== '0') q.set('bootstrap', bootstrap);
  const result = useApi<Alignment>(`/api/orgs/${orgId}/alignment?${q}`);
  const r = result.data;
  // The analysis's notes in the lab's language; one the catalogue does not know stays English, marked so.
  const note = (text: string) => {
    const own = r ? alignmentNoteIn(text, n.locale, orgName(r.organization).shortName) : null;
    return own === null ? <span lang="en">{text}</span> : own;
  };

  const charts = useMemo(() => {
    if (!r) return null;
    const codes = r.states.map((s) => s.iso3);
    // States' names in the lab's language (the API gives English ones).
    const stateNames = r.states.map((s) => countryName(s.iso3, s.name));
    const members = new Set(r.states.filter((s) => s.role === 'member').map((s) => s.iso3));
    const m = MEASURES.find((x) => x.id === measure)!;
    const mLabel = t(`measure.${m.id}`);
    const matrix = pairMatrix(codes, r.pairs, measure);
    const values = matrix.flat().filter((v): v is number => v !== null);
    const lo = values.length ? Math.min(...values) : 0;
    const heatmap = renderHeatmap({
      id: 'lab-heatmap',
      title: t('chart.heatmap', { measure: mLabel, span: span(r.window) }),
      labels: codes,
      names: stateNames,
      values: matrix,
      domain: [m.percent ? Math.max(0, Math.floor(lo * 10) / 10) : Math.min(0, lo), 1],
      format: (x) => (m.percent ? n.fixed(x * 100, 0) : n.fixed(x, 2)),
      italic: new Set(codes.filter((c) => !members.has(c))),
      legend: mLabel,
    });
    const g = campGraph(codes, r.pairs, r.camps.weights);
    const edges = graphEdges(codes, g.weights);
    const network = renderCampsNetwork({
      id: 'lab-camps',
      title: t('chart.camps', { weights: r.camps.weights, span: span(r.window) }),
      nodes: codes.map((c, i) => ({
        id: c,
        label: stateNames[i]!,
        camp: r.camps.community[i]!,
        outsider: !members.has(c),
      })),
      edges,
    });
    const series = renderSeries({
      id: 'lab-cohesion',
      title: t('chart.cohesion', { org: orgName(r.organization).shortName, span: span(r.window) }),
      from: r.window.fromYear,
      to: r.window.toYear,
      series: cohesionSeries(r.cohesion.byYear),
      marks: (stages.data?.stages ?? [])
        .slice(1)
        .filter((s) => s.from <= r.window.to)
        .map((s) => ({
          date: s.from,
          label:
            `${s.joined.length ? `+${s.joined.join(', ')}` : ''}${s.left.length ? ` −${s.left.join(', ')}` : ''}`.trim(),
        })),
      dataEnd: r.data.lastYear,
      yLabel: t('chart.cohesionAxis'),
    });
    return { heatmap, network, series };
  }, [r, measure, stages.data, t, n, orgName, countryName]);

  return (
    <>
      <h1 tabIndex={-1}>{t('h1')}</h1>
      <form className="panel controls-row" onSubmit={(e) => e.preventDefault()} aria-label={t('form')}>
        <OrgSelect
          label={to_('controls.org')}
          value={orgId}
          onChange={setOrgId}
          organizations={orgs.data?.organizations}
        />
        <YearField
          label={t('from')}
          hint={t('dateHint')}
          placeholder={t('from.placeholder')}
          value={from}
          onChange={setFrom}
        />
        <YearField
          label={t('to')}
          hint={t('dateHint')}
          placeholder={String(topics.data?.lastYear ?? 2026)}
          value={to}
          onChange={setTo}
        />
        <label>
          {t('topic')}{' '}
          <select value={topic} onChange={(e) => setTopic(e.target.value)}>
            <option value="">{t('topic.all')}</option>
            {topics.data?.topics.map((x) => (
              <option key={x.code} value={x.code}>
                {t.or(`topic.${x.code}`, x.label)}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>{t('compare')}</legend>
          <label>
            <input
              type="checkbox"
              checked={withPartners}
              onChange={(e) => setWithPartners(e.target.checked)}
            />{' '}
            {t('compare.partners')}
          </label>{' '}
          <label>
            <input type="checkbox" checked={withUsa} onChange={(e) => setWithUsa(e.target.checked)} />{' '}
            {t('compare.usa')}
          </label>
        </fieldset>
        <label>
          {t('heatmap')}{' '}
          <select value={measure} onChange={(e) => setMeasure(e.target.value as PairMeasure)}>
            {MEASURES.map((m) => (
              <option key={m.id} value={m.id}>
                {t(`measure.${m.id}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('bootstrap')}{' '}
          <select value={bootstrap} onChange={(e) => setBootstrap(e.target.value)}>
            {BOOTSTRAPS.map((b) => (
              <option key={b} value={b}>
                {b === '0' ? t('bootstrap.none') : t('bootstrap.resamples', { count: Number(b) })}
              </option>
            ))}
          </select>
        </label>
      </form>
      <ErrorNote error={result.error} />
      {r && charts ? (
        <>
          <p aria-live="polite">
            {t('summary', {
              rollCalls: n.number(r.window.rollCalls, 0),
              span: span(r.window),
              hasTopic: r.window.topic ? 'yes' : 'no',
              topic: r.window.topic
                ? t.or(`topic.${r.window.topic.code}`, r.window.topic.label.toLowerCase())
                : '',
              camps: r.camps.camps.map((c) => c.join(' ')).join(' | '),
              modularity: n.fixed(r.camps.modularity, 3),
              ai: f3(r.cohesion.overall.agreementIndex),
            })}
          </p>
          <div className="grid-2">
            <section className="panel" aria-labelledby="heat-h">
              <h2 id="heat-h">{t('agreement')}</h2>
              <SvgChart svg={charts.heatmap} className="heatmap-box" />
              <p className="small muted">{t('agreement.note', { zero: r.data.zero })}</p>
            </section>
            <section className="panel" aria-labelledby="camps-h">
              <h2 id="camps-h">{t('camps')}</h2>
              <SvgChart svg={charts.network} className="network-box" />
              <ul className="small">
                {r.camps.camps.map((c) => (
                  <li key={c.join()}>{c.join(', ')}</li>
                ))}
              </ul>
              {r.camps.uncertainty ? (
                <p className="small" data-testid="camps-uncertainty">
                  {t('camps.prefix')} <strong>{campsVerdict(r.camps.uncertainty, t)}</strong>
                  {t('camps.colon')}
                  {campsUncertaintyText(r.camps.uncertainty, t, n)}.
                </p>
              ) : result.loading ? (
                <p className="small muted">{t('camps.resampling')}</p>
              ) : (
                <p className="small muted">{t('camps.noBootstrap')}</p>
              )}
            </section>
          </div>
          <section className="panel" aria-labelledby="cohesion-h">
            <h2 id="cohesion-h">{t('cohesion')}</h2>
            <SvgChart svg={charts.series} className="series-box" />
            <TableBox label={t('cohesion.table')}>
              <table>
                <caption>{t('cohesion.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('col.stage')}</th>
                    <th scope="col">{t('col.change')}</th>
                    <th scope="col">{t('col.oldBefore')}</th>
                    <th scope="col">{t('col.newBefore')}</th>
                    <th scope="col">{t('col.newAfter')}</th>
                    <th scope="col">{t('col.oldAfter')}</th>
                    <th scope="col">{t('col.composition')}</th>
                    <th scope="col">{t('col.behaviour')}</th>
                    <th scope="col">{t('col.difference')}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.stages.map((s) => (
                    <tr key={s.date}>
                      <td>{s.date}</td>
                      <td>
                        {`${s.joined.length ? `+${s.joined.join(', ')}` : ''}${s.left.length ? ` −${s.left.join(', ')}` : ''}`.trim()}
                      </td>
                      <td className="num">
                        {s.before ? `${f3(s.before.oldSet.agreementIndex)} (${s.before.rollCalls})` : '–'}
                      </td>
                      <td className="num">{s.before ? f3(s.before.newSet.agreementIndex) : '–'}</td>
                      <td className="num">
                        {s.after ? `${f3(s.after.newSet.agreementIndex)} (${s.after.rollCalls})` : '–'}
                      </td>
                      <td className="num">{s.after ? f3(s.after.oldSet.agreementIndex) : '–'}</td>
                      <td className="num">{s.split ? signed(s.split.composition) : '–'}</td>
                      <td className="num">{s.split ? signed(s.split.behaviour) : '–'}</td>
                      <td>
                        {s.comparable ? `${signed(s.change!)} ± ${f3(s.changeSe)}` : null}
                        {s.note ? <span className="small muted"> {note(s.note)}</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableBox>
          </section>
          {r.notes.length ? (
            <details className="panel">
              <summary>{t('notes', { count: r.notes.length })}</summary>
              <ul className="small">
                {r.notes.map((n) => (
                  <li key={n}>{note(n)}</li>
                ))}
              </ul>
            </details>
          ) : null}
        </>
      ) : result.loading ? (
        <p>{t('computing')}</p>
      ) : null}
    </>
  );
}

/** A year, or a date YYYY-MM-DD, typed into a labelled field. */
function YearField(p: {
  label: string;
  hint: string;
  placeholder: string;
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <label>
      {p.label}{' '}
      <input
        type="text"
        inputMode="numeric"
        pattern="\d{4}(-\d{2}-\d{2})?"
        title={p.hint}
        placeholder={p.placeholder}
        value={p.value}
        onChange={(e) => p.onChange(e.target.value)}
        className="year"
      />
    </label>
  );
}
