/**
 * The issue workbench: a scenario's issues as lines, one row per actor with its position as a
 * handle. Drag a handle with the mouse, or focus it and use the arrow keys, and the consensus model
 * (win-set, core, blockers), the compromise, the weighted median, the Nash bargaining solution and
 * the expected-utility model are recomputed at once — in the browser, with the library's own code
 * (src/scenario/resolve.ts resolves the scenario exactly as the CLI does; src/bargaining/forecast.ts
 * runs the models on its typed arrays). Each recompute is timed with performance.now().
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import {
  explain,
  ForecastWorkspace,
  fmtPoint,
  forecastIssue,
  type IssueForecast,
  MODEL_NAMES,
  MODEL_TITLES,
  modelAdoption,
  modelOutcome,
} from '../../../src/bargaining/forecast.js';
import { createDataset, type Dataset, type DatasetFiles } from '../../../src/data/dataset.js';
import { OrganizationRegistry } from '../../../src/org/registry.js';
import type { Organization } from '../../../src/org/schema.js';
import { resolveScenario } from '../../../src/scenario/resolve.js';
import type { ModelName, ScenarioFile } from '../../../src/scenario/schema.js';
import type { ResolvedIssue, ResolvedScenario } from '../../../src/scenario/types.js';
import { api } from '../api.js';
import { ErrorNote } from '../components/Notice.js';
import { useApi } from '../hooks.js';
import { useSearch, useTitle } from '../router.js';

interface ScenarioSummary {
  id: string;
  title: string;
  date: string | null;
  file: string;
  issues: Array<{ id: string; title: string; dimensions: number }>;
}

export const MODEL_COLOURS: Record<ModelName, string> = {
  consensus: '#0072b2',
  compromise: '#b35c00',
  median: '#009e73',
  nash: '#cc79a7',
  eum: '#6a3d9a',
  exchange: '#56b4e9',
};

let library: Promise<{ registry: OrganizationRegistry; dataset: Dataset }> | undefined;

/** The built-in data and organizations, fetched once, as the library's own objects. */
function loadLibrary() {
  library ??= api<{ dataset: DatasetFiles; organizations: Organization[] }>('/api/library').then((l) => ({
    registry: new OrganizationRegistry(l.organizations),
    dataset: createDataset(l.dataset),
  }));
  return library;
}

/** Timings of the recomputes (ms): model time, and from the input to the committed render. */
class Timings {
  compute: number[] = [];
  frame: number[] = [];
  add(list: 'compute' | 'frame', ms: number) {
    const a = this[list];
    a.push(ms);
    if (a.length > 500) a.shift();
  }
  stats(list: 'compute' | 'frame') {
    const a = [...this[list]].sort((x, y) => x - y);
    if (!a.length) return null;
    return {
      n: a.length,
      median: a[Math.floor(a.length / 2)]!,
      p95: a[Math.min(a.length - 1, Math.floor(a.length * 0.95))]!,
      max: a[a.length - 1]!,
      last: this[list][this[list].length - 1]!,
    };
  }
}

declare global {
  interface Window {
    /** For tests and the curious: the workbench's timings and a benchmark over the loaded scenario. */
    __concordWorkbench?: {
      timings: Timings;
      bench: (movesPerActor: number) => { n: number; median: number; p95: number; max: number };
      scenario: () => string | null;
    };
  }
}

export function WorkbenchPage() {
  useTitle('Issue workbench');
  const search = useSearch();
  const list = useApi<{ scenarios: ScenarioSummary[] }>('/api/scenarios');
  const [id, setId] = useState<string>(search.get('scenario') ?? 'sco-development-bank-2010');
  const [file, setFile] = useState<ScenarioFile | null>(null);
  const [scenario, setScenario] = useState<ResolvedScenario | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [forecasts, setForecasts] = useState<IssueForecast[]>([]);
  const timings = useRef(new Timings());
  const ws = useRef(new ForecastWorkspace());
  const pendingFrame = useRef<number | null>(null);

  const load = useCallback(
    (sc: ScenarioFile, lib: { registry: OrganizationRegistry; dataset: Dataset }) => {
      const r = resolveScenario(sc, { ...lib, file: id });
      setScenario(r);
      setForecasts(r.issues.map((is) => forecastIssue(r, is, { workspace: ws.current })));
    },
    [id],
  );

  useEffect(() => {
    const q = new URLSearchParams(window.location.search);
    q.set('scenario', id);
    window.history.replaceState(null, '', `${window.location.pathname}?${q}`);
    let live = true;
    setError(null);
    Promise.all([loadLibrary(), api<{ scenario: ScenarioFile }>(`/api/scenarios/${encodeURIComponent(id)}`)])
      .then(([lib, r]) => {
        if (!live) return;
        setFile(r.scenario);
        load(r.scenario, lib);
      })
      .catch((e: Error) => live && setError(e));
    return () => {
      live = false;
    };
  }, [id, load]);

  const reset = useCallback(async () => {
    if (file) load(file, await loadLibrary());
  }, [file, load]);

  /**
   * Applies a change to issue k (a position, the status quo or the proposal, edited in place in the
   * resolved scenario's typed arrays) and recomputes every model on that issue, timed.
   */
  const change = useCallback(
    (k: number, apply: () => void) => {
      if (!scenario) return;
      const t0 = performance.now();
      apply();
      const f = forecastIssue(scenario, scenario.issues[k]!, { workspace: ws.current });
      timings.current.add('compute', performance.now() - t0);
      pendingFrame.current = t0;
      setForecasts((prev) => prev.map((x, j) => (j === k ? f : x)));
    },
    [scenario],
  );

  // The whole update, from the input to React's committed render.
  useLayoutEffect(() => {
    if (pendingFrame.current !== null) {
      timings.current.add('frame', performance.now() - pendingFrame.current);
      pendingFrame.current = null;
    }
  });

  useEffect(() => {
    window.__concordWorkbench = {
      timings: timings.current,
      scenario: () => scenario?.id ?? null,
      bench: (moves) => {
        const t = new Timings();
        if (!scenario) return { n: 0, median: 0, p95: 0, max: 0 };
        for (const is of scenario.issues) {
          const saved = Float64Array.from(is.position);
          for (let a = 0; a < scenario.actors.length; a++) {
            if (!is.has[a]) continue;
            for (let k = 0; k < moves; k++) {
              for (let d = 0; d < is.dims; d++) {
                is.position[a * is.dims + d] = is.lo[d]! + ((k + 0.5) / moves) * (is.hi[d]! - is.lo[d]!);
              }
              const t0 = performance.now();
              forecastIssue(scenario, is, { workspace: ws.current });
              t.add('compute', performance.now() - t0);
            }
          }
          is.position.set(saved);
        }
        return t.stats('compute')!;
      },
    };
  }, [scenario]);

  const scenarios = list.data?.scenarios ?? [];
  const c = timings.current.stats('compute');
  const fr = timings.current.stats('frame');
  return (
    <>
      <h1 tabIndex={-1}>Issue workbench</h1>
      <div className="panel controls-row">
        <label>
          Scenario{' '}
          <select value={id} onChange={(e) => setId(e.target.value)} className="wide-select">
            {(scenarios.length ? scenarios : [{ id, title: id, date: null }]).map((s) => (
              <option key={s.id} value={s.id}>
                {s.date ? `${s.date.slice(0, 4)}: ` : ''}
                {s.title}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void reset()} disabled={!file}>
          Reset positions
        </button>
        <p className="small muted timing" data-testid="timing">
          {c
            ? `Recompute (all models, one issue): last ${c.last.toFixed(2)} ms, median ${c.median.toFixed(2)} ms, max ${c.max.toFixed(2)} ms over ${c.n}; input to screen: median ${fr ? fr.median.toFixed(1) : '–'} ms, max ${fr ? fr.max.toFixed(1) : '–'} ms (one frame: 16.7 ms).`
            : 'Drag a position (or focus it and use the arrow keys): every model is recomputed in this browser.'}
        </p>
      </div>
      <ErrorNote error={error ?? list.error} />
      {scenario ? (
        <>
          <p>
            <strong>{scenario.title}</strong>
            {scenario.date ? `, ${scenario.date}` : ''}. Capabilities: {scenario.capabilitySource}
            {scenario.capabilityYear ? ` (${scenario.capabilityYear} data)` : ''}
            {scenario.chair >= 0 ? `; chair ${scenario.actors[scenario.chair]!.id}` : ''}.
          </p>
          {scenario.issues.map((is, k) =>
            forecasts[k] ? (
              <IssuePanel
                key={`${scenario.id}-${is.id}`}
                scenario={scenario}
                issue={is}
                forecast={forecasts[k]!}
                onChange={(apply) => change(k, apply)}
              />
            ) : null,
          )}
        </>
      ) : !error ? (
        <p>Loading the scenario…</p>
      ) : null}
    </>
  );
}

function IssuePanel({
  scenario: s,
  issue: is,
  forecast: f,
  onChange,
}: {
  scenario: ResolvedScenario;
  issue: ResolvedIssue;
  forecast: IssueForecast;
  onChange: (apply: () => void) => void;
}) {
  const headingId = `issue-${is.id}`;
  return (
    <section className="panel issue" aria-labelledby={headingId}>
      <h2 id={headingId}>{is.title}</h2>
      <p className="small">
        Rule: {is.rule.description}
        {is.proposer >= 0 ? `; proposer ${s.actors[is.proposer]!.id}` : ''}
        {is.amendable ? '' : '; take it or leave it'}
        {is.optOut ? '; interested members may go ahead alone' : ''}.
      </p>
      {Array.from({ length: is.dims }, (_, d) => (
        <IssueLine key={is.dimensionIds[d] ?? d} s={s} is={is} d={d} f={f} onChange={onChange} />
      ))}
      <ul className="legend small" aria-label="How to read the line">
        <li>
          <span className="swatch" style={{ background: '#a11d1d' }} aria-hidden="true" />
          blocks the tabled proposal
        </li>
        <li>
          <span className="swatch" style={{ background: '#1f6f43' }} aria-hidden="true" />
          takes part (opt-out)
        </li>
        <li>
          <span className="swatch" style={{ background: '#1f4e9c' }} aria-hidden="true" />
          other member (size: salience)
        </li>
        <li>
          <span className="swatch" style={{ background: '#dfeedd' }} aria-hidden="true" />
          core of the rule
        </li>
        <li>
          <span className="swatch" style={{ background: '#73a9d3' }} aria-hidden="true" />
          win-set of the status quo (SQ)
        </li>
        <li>dashed: observed outcome</li>
      </ul>
      <p className="explanation" aria-live="polite" data-testid={`explanation-${is.id}`}>
        {explain(s, f)}
      </p>
      <ForecastTable s={s} f={f} />
      {Object.keys(is.modelNotes).length ? (
        <details>
          <summary>The coder's notes on each model for this case (for the positions as coded)</summary>
          <ul className="small">
            {MODEL_NAMES.filter((m) => is.modelNotes[m]).map((m) => (
              <li key={m}>
                <strong>{m}:</strong> {is.modelNotes[m]}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

const W = 940;
const LEFT = 150;
const RIGHT = 24;
const TOP = 58;
const ROW = 24;

function IssueLine({
  s,
  is,
  d,
  f,
  onChange,
}: {
  s: ResolvedScenario;
  is: ResolvedIssue;
  d: number;
  f: IssueForecast;
  onChange: (apply: () => void) => void;
}) {
  const svg = useRef<SVGSVGElement>(null);
  const lo = is.lo[d]!;
  const hi = is.hi[d]!;
  const x = (v: number) => LEFT + ((v - lo) / (hi - lo)) * (W - LEFT - RIGHT);
  const actors = s.actors.map((a, i) => ({ a, i })).filter(({ i }) => is.has[i] === 1);
  const H = TOP + actors.length * ROW + 12;
  const c = f.consensus ?? null;
  const blockers = new Set(c?.blockers ?? []);
  const participants = new Set(c?.participants ?? []);
  const poles = is.poles[d];
  const step = (hi - lo) / 100;

  const valueAt = (clientX: number) => {
    const el = svg.current!;
    const pt = el.createSVGPoint();
    pt.x = clientX;
    pt.y = 0;
    const p = pt.matrixTransform(el.getScreenCTM()!.inverse());
    const v = lo + ((p.x - LEFT) / (W - LEFT - RIGHT)) * (hi - lo);
    return Math.min(hi, Math.max(lo, Math.round(v / step) * step));
  };

  /** A draggable value: an actor's position, the status quo or the proposal. */
  const handle = (get: () => number, set: (v: number) => void) => ({
    onPointerDown: (e: React.PointerEvent<SVGGElement>) => {
      e.currentTarget.setPointerCapture(e.pointerId);
      e.currentTarget.focus();
      const v = valueAt(e.clientX);
      if (v !== get()) onChange(() => set(v));
    },
    onPointerMove: (e: React.PointerEvent<SVGGElement>) => {
      if (!e.currentTarget.hasPointerCapture(e.pointerId)) return;
      const v = valueAt(e.clientX);
      if (v !== get()) onChange(() => set(v));
    },
    onKeyDown: (e: React.KeyboardEvent<SVGGElement>) => {
      const big = (hi - lo) / 10;
      const keys: Record<string, number> = {
        ArrowLeft: -step,
        ArrowDown: -step,
        ArrowRight: step,
        ArrowUp: step,
        PageDown: -big,
        PageUp: big,
      };
      let v: number | null = null;
      if (e.key in keys) v = get() + keys[e.key]! * (e.shiftKey ? 10 : 1);
      else if (e.key === 'Home') v = lo;
      else if (e.key === 'End') v = hi;
      if (v === null) return;
      e.preventDefault();
      const nv = Math.min(hi, Math.max(lo, v));
      if (nv !== get()) onChange(() => set(nv));
    },
  });

  const where = (v: number) =>
    poles ? `${fmtPoint(v)} (${fmtPoint(lo)} = ${poles[0]}, ${fmtPoint(hi)} = ${poles[1]})` : fmtPoint(v);
  const ticks = Array.from({ length: 11 }, (_, k) => lo + (k * (hi - lo)) / 10);
  const markers: Array<{ key: string; label: string; value: number; colour: string; dash?: string }> = [];
  for (const m of MODEL_NAMES) {
    const o = modelOutcome(f, m);
    if (o && Number.isFinite(o[d]!))
      markers.push({ key: m, label: m, value: o[d]!, colour: MODEL_COLOURS[m] });
  }
  if (is.observed?.position) {
    markers.push({
      key: 'observed',
      label: 'observed',
      value: is.observed.position[d]!,
      colour: '#1d2733',
      dash: '4 3',
    });
  }
  const dimTitle = is.dims > 1 ? `${is.title}: ${is.dimensionTitles[d] ?? is.dimensionIds[d]}` : is.title;
  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG drawing cannot be a fieldset; the group names its sliders
    <svg
      ref={svg}
      className="issue-line"
      viewBox={`0 0 ${W} ${H}`}
      role="group"
      aria-label={`${dimTitle}: positions on a line from ${fmtPoint(lo)} to ${fmtPoint(hi)}`}
      fontSize={11}
      fontFamily="system-ui, sans-serif"
      data-issue={is.id}
    >
      {/* The core (one dimension) and the win-set of the status quo, across every row. */}
      {(c?.core ?? []).map((iv) => (
        <rect
          key={`core${iv.lo}`}
          className="core"
          x={x(iv.lo) - (iv.hi - iv.lo < step ? 1.5 : 0)}
          width={Math.max(3, x(iv.hi) - x(iv.lo))}
          y={TOP - 6}
          height={H - TOP}
          fill="#dfeedd"
        >
          <title>{`core [${fmtPoint(iv.lo)}, ${fmtPoint(iv.hi)}]: no winning coalition can move an outcome here`}</title>
        </rect>
      ))}
      {(c?.winSet ?? []).map((iv) => (
        <rect
          key={`ws${iv.lo}`}
          className="winset"
          x={x(iv.lo)}
          width={Math.max(2, x(iv.hi) - x(iv.lo))}
          y={TOP - 12}
          height={5}
          fill="#0072b2"
          fillOpacity={0.55}
        >
          <title>{`win-set of the status quo: [${fmtPoint(iv.lo)}, ${fmtPoint(iv.hi)}]`}</title>
        </rect>
      ))}
      <g fill="#4f5b66">
        {ticks.map((t) => (
          <g key={t} transform={`translate(${x(t)},0)`}>
            <line y1={TOP - 4} y2={H - 6} stroke="#e3e7eb" />
            <text y={H - 0} textAnchor="middle" fontSize={9}>
              {fmtPoint(t)}
            </text>
          </g>
        ))}
        {poles ? (
          <>
            <text x={LEFT} y={12}>
              ← {poles[0]}
            </text>
            <text x={W - RIGHT} y={12} textAnchor="end">
              {poles[1]} →
            </text>
          </>
        ) : null}
      </g>
      {/* Each model's forecast, the observed outcome. */}
      {layoutLabels(markers.map((m) => ({ ...m, at: x(m.value) }))).map((m) => (
        <g key={m.key} className={`marker marker-${m.key}`} data-value={m.value}>
          <line
            x1={m.at}
            x2={m.at}
            y1={TOP - 14}
            y2={H - 8}
            stroke={m.colour}
            strokeWidth={2}
            strokeDasharray={m.dash}
          />
          <text x={m.labelX} y={24 + m.row * 11} textAnchor="middle" fill={m.colour} fontWeight={600}>
            {m.label}
          </text>
          <title>{`${m.label}: ${fmtPoint(m.value)}`}</title>
        </g>
      ))}
      {/* The status quo and the proposal: draggable too. */}
      {is.statusQuo ? (
        <g
          role="slider"
          tabIndex={0}
          aria-label={`Status quo of ${dimTitle}`}
          aria-valuemin={lo}
          aria-valuemax={hi}
          aria-valuenow={is.statusQuo[d]}
          aria-valuetext={where(is.statusQuo[d]!)}
          className="handle sq"
          {...handle(
            () => is.statusQuo![d]!,
            (v) => {
              is.statusQuo![d] = v;
            },
          )}
        >
          <path d={`M${x(is.statusQuo[d]!)},${TOP - 22} l7,7 l-7,7 l-7,-7 z`} fill="#1d2733" />
          <text x={x(is.statusQuo[d]!) + 9} y={TOP - 11} fontWeight={700}>
            SQ
          </text>
        </g>
      ) : null}
      {is.proposal ? (
        <g
          role="slider"
          tabIndex={0}
          aria-label={`Tabled proposal of ${dimTitle}`}
          aria-valuemin={lo}
          aria-valuemax={hi}
          aria-valuenow={is.proposal[d]}
          aria-valuetext={where(is.proposal[d]!)}
          className="handle proposal"
          {...handle(
            () => is.proposal![d]!,
            (v) => {
              is.proposal![d] = v;
            },
          )}
        >
          <path d={`M${x(is.proposal[d]!)},${TOP - 22} l6,14 l-12,0 z`} fill="#a11d1d" />
          <text x={x(is.proposal[d]!) - 9} y={TOP - 11} textAnchor="end" fontWeight={700} fill="#a11d1d">
            proposal
          </text>
        </g>
      ) : null}
      {actors.map(({ a, i }, row) => {
        const y = TOP + row * ROW + ROW / 2;
        const v = is.position[i * is.dims + d]!;
        const sal = is.salience[i * is.dims + d]!;
        const role = blockers.has(i) ? 'blocks' : participants.has(i) ? 'takes part' : '';
        const fill = blockers.has(i)
          ? '#a11d1d'
          : participants.has(i)
            ? '#1f6f43'
            : a.member
              ? '#1f4e9c'
              : '#6b7580';
        return (
          <g key={a.id} className="actor-row" data-actor={a.id}>
            <text x={LEFT - 8} y={y + 4} textAnchor="end" fill="#1d2733">
              {a.id} {a.name.length > 14 ? `${a.name.slice(0, 13)}…` : a.name}
            </text>
            <line x1={LEFT} x2={W - RIGHT} y1={y} y2={y} stroke="#c5ccd3" />
            <g
              role="slider"
              tabIndex={0}
              aria-label={`${a.name}'s position on ${dimTitle}`}
              aria-valuemin={lo}
              aria-valuemax={hi}
              aria-valuenow={v}
              aria-valuetext={`${where(v)}${role ? `; ${role}` : ''}; salience ${sal.toFixed(2)}, capability ${(s.capability[i]! * 100).toFixed(1)}%`}
              className="handle actor"
              data-actor={a.id}
              {...handle(
                () => is.position[i * is.dims + d]!,
                (nv) => {
                  is.position[i * is.dims + d] = nv;
                },
              )}
            >
              <circle cx={x(v)} cy={y} r={11} fill="transparent" />
              <circle
                cx={x(v)}
                cy={y}
                r={4 + 5 * Math.sqrt(Math.max(0, sal))}
                fill={fill}
                stroke="#fff"
                strokeWidth={1.5}
              />
              <title>{`${a.name}: ${fmtPoint(v)}, salience ${sal.toFixed(2)}${role ? `, ${role}` : ''}`}</title>
            </g>
          </g>
        );
      })}
    </svg>
  );
}

/**
 * Places the markers' labels in three rows above the line so that they do not overlap: each label
 * goes to the first row where it clears the previous one, shifted sideways when all rows are taken.
 */
function layoutLabels<T extends { at: number; label: string }>(
  items: T[],
): Array<T & { row: number; labelX: number }> {
  const width = (t: string) => t.length * 6.6 + 6;
  const ends = [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
  return [...items]
    .sort((a, b) => a.at - b.at)
    .map((m) => {
      const w = width(m.label);
      let row = ends.findIndex((e) => e <= m.at - w / 2);
      let labelX = m.at;
      if (row < 0) {
        row = ends.indexOf(Math.min(...ends));
        labelX = ends[row]! + w / 2;
      }
      ends[row] = labelX + w / 2;
      return { ...m, row, labelX };
    });
}

function ForecastTable({ s, f }: { s: ResolvedScenario; f: IssueForecast }) {
  const ids = (xs: readonly number[] | null | undefined) =>
    xs?.length ? xs.map((i) => s.actors[i]!.id).join(', ') : '–';
  const c = f.consensus ?? null;
  return (
    <table className="forecasts">
      <caption className="sr-only">Each model's forecast for {f.issue.title}</caption>
      <thead>
        <tr>
          <th scope="col">Model</th>
          <th scope="col">Forecast</th>
          <th scope="col">Adopted</th>
          <th scope="col">Blockers / participants</th>
          <th scope="col">Note</th>
        </tr>
      </thead>
      <tbody>
        {MODEL_NAMES.map((m) => {
          const o = modelOutcome(f, m);
          const adopted = modelAdoption(f, m);
          return (
            <tr key={m} data-model={m}>
              <th scope="row">
                <span className="swatch" style={{ background: MODEL_COLOURS[m] }} aria-hidden="true" />
                {MODEL_TITLES[m]}
              </th>
              <td className="num" data-testid={`outcome-${f.issue.id}-${m}`}>
                {fmtPoint(o)}
              </td>
              <td>{adopted === null ? '–' : adopted ? 'yes' : 'no'}</td>
              <td>
                {m === 'consensus' && c
                  ? c.participants
                    ? `take part: ${ids(c.participants)}`
                    : `block: ${ids(c.blockers)}`
                  : m === 'eum' && f.eum
                    ? `${f.eum.rounds} rounds${f.eum.converged ? '' : ', not converged'}`
                    : ''}
              </td>
              <td className="small">{f.notes[m] ?? ''}</td>
            </tr>
          );
        })}
        {f.issue.observed ? (
          <tr>
            <th scope="row">observed</th>
            <td className="num">{fmtPoint(f.issue.observed.position)}</td>
            <td>{f.issue.observed.adopted === null ? '–' : f.issue.observed.adopted ? 'yes' : 'no'}</td>
            <td>{f.issue.observed.participants ? `took part: ${ids(f.issue.observed.participants)}` : ''}</td>
            <td className="small">{f.issue.observed.note ?? ''}</td>
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}
