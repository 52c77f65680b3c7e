/**
 * An issue of two dimensions drawn in the plane: each actor a draggable point (size: salience), its
 * salience-weighted indifference curve through the status quo (an ellipse: the points it likes as
 * much as the status quo), the win-set of the status quo under the issue's rule and the Pareto set
 * of the veto players' ideal points (shaded cells of a grid, each cell tested at its centre with
 * the same preference and rule code the models use), and every model's forecast. Keyboard: a
 * focused point moves by 1% of the scale with the arrow keys (10% with Shift; Page Up/Down move
 * the second dimension by 10%).
 */
import { useMemo, useRef } from 'react';
import { type IssueForecast, MODEL_NAMES, modelOutcome } from '../../../src/bargaining/forecast.js';
import { plane } from '../../../src/i18n/messages/plane/index.js';
import type { ScenarioFile } from '../../../src/scenario/schema.js';
import type { ResolvedIssue, ResolvedScenario } from '../../../src/scenario/types.js';
import { isActive, paretoOptimal, preferenceN, type SpaceInput } from '../../../src/spatial/space.js';
import { MODEL_COLOURS } from '../../../src/util/palette.js';
import { ChartDownloads, svgIn } from '../components/ChartDownloads.js';
import { useT } from '../i18n.js';
import { useCountryName } from '../names.js';
import { setPosition, setStatusQuo } from './edit.js';

type Apply = (edit: (d: ScenarioFile) => void, o?: { merge?: boolean }) => void;

const fmt = (v: number) => {
  const t = v.toFixed(1);
  return t.endsWith('.0') ? t.slice(0, -2) : t;
};

/** The grid of cells: which are in the win-set of the status quo, which in the veto players' Pareto set. */
export function planeCells(
  s: ResolvedScenario,
  is: ResolvedIssue,
  cells: number,
): { winSet: Uint8Array; pareto: Uint8Array } {
  const n = s.actors.length;
  const inp: SpaceInput = {
    n,
    dims: 2,
    x: is.position,
    s: is.salience,
    has: is.has,
    lo: is.lo,
    hi: is.hi,
  };
  const winSet = new Uint8Array(cells * cells);
  const pareto = new Uint8Array(cells * cells);
  // The Pareto set of the veto players (of every actor when the rule has none).
  const group = new Uint8Array(n);
  let any = false;
  for (let i = 0; i < n; i++)
    if (is.rule.veto[i] === 1 && isActive(inp, i)) {
      group[i] = 1;
      any = true;
    }
  if (!any) for (let i = 0; i < n; i++) group[i] = isActive(inp, i) ? 1 : 0;
  const z = new Float64Array(2);
  const coalition = new Array<boolean>(n);
  const q = is.statusQuo;
  for (let cy = 0; cy < cells; cy++) {
    for (let cx = 0; cx < cells; cx++) {
      z[0] = is.lo[0]! + ((cx + 0.5) / cells) * (is.hi[0]! - is.lo[0]!);
      z[1] = is.lo[1]! + ((cy + 0.5) / cells) * (is.hi[1]! - is.lo[1]!);
      const c = cy * cells + cx;
      pareto[c] = paretoOptimal(inp, group, z) ? 1 : 0;
      if (q && is.rule.passable) {
        let strict = false;
        for (let i = 0; i < n; i++) {
          const p = preferenceN(inp, i, q, z);
          coalition[i] = p >= 0;
          if (p > 0) strict = true;
        }
        winSet[c] = strict && is.rule.test(coalition) ? 1 : 0;
      }
    }
  }
  return { winSet, pareto };
}

/** The indices of the cells that are set. */
function cellsOn(a: Uint8Array): number[] {
  const out: number[] = [];
  a.forEach((v, j) => {
    if (v) out.push(j);
  });
  return out;
}

/** The drawing's side and margin (px), and the grid's cells a side. */
const SIZE = 420;
const PAD = 44;
const CELLS = 48;

/** The grid's cells that are on, as one group of squares of side `cellW`. */
function CellSet(p: { className: string; fill: string; fillOpacity: number; on: Uint8Array; cellW: number }) {
  const w = p.cellW;
  return (
    <g className={p.className} fill={p.fill} fillOpacity={p.fillOpacity}>
      {cellsOn(p.on).map((j) => (
        <rect
          key={j}
          x={PAD + (j % CELLS) * w}
          y={SIZE - PAD - (Math.floor(j / CELLS) + 1) * w}
          width={w + 0.3}
          height={w + 0.3}
        />
      ))}
    </g>
  );
}

export function IssuePlane({
  k,
  s,
  is,
  f,
  apply,
  endMerge,
}: {
  k: number;
  s: ResolvedScenario;
  is: ResolvedIssue;
  f: IssueForecast;
  apply: Apply;
  endMerge: () => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const t = useT(plane);
  const cn = useCountryName();
  const span = SIZE - 2 * PAD;
  const [lo0, hi0, lo1, hi1] = [is.lo[0]!, is.hi[0]!, is.lo[1]!, is.hi[1]!];
  const px = (v: number) => PAD + ((v - lo0) / (hi0 - lo0)) * span;
  const py = (v: number) => SIZE - PAD - ((v - lo1) / (hi1 - lo1)) * span;
  const name = (d: number) => is.dimensionTitles[d] ?? is.dimensionIds[d] ?? `dimension ${d + 1}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the arrays are replaced on every edit; the forecast object changes with them
  const cells = useMemo(() => planeCells(s, is, CELLS), [s, is, f]);
  const c = f.consensus ?? null;
  const blockers = new Set(c?.blockers ?? []);
  const q = is.statusQuo;
  const cellW = span / CELLS;

  const valueAt = (clientX: number, clientY: number): [number, number] => {
    const el = svg.current!;
    const pt = el.createSVGPoint();
    pt.x = clientX;
    pt.y = clientY;
    const p = pt.matrixTransform(el.getScreenCTM()!.inverse());
    const step0 = (hi0 - lo0) / 100;
    const step1 = (hi1 - lo1) / 100;
    const v0 = lo0 + ((p.x - PAD) / span) * (hi0 - lo0);
    const v1 = lo1 + ((SIZE - PAD - p.y) / span) * (hi1 - lo1);
    return [
      Math.min(hi0, Math.max(lo0, Math.round(v0 / step0) * step0)),
      Math.min(hi1, Math.max(lo1, Math.round(v1 / step1) * step1)),
    ];
  };

  /** A draggable point of the plane: an actor's ideal point or the status quo. */
  const handle = (get: () => [number, number], set: (v: [number, number]) => (d: ScenarioFile) => void) => ({
    onPointerDown: (e: React.PointerEvent<SVGGElement>) => {
      e.currentTarget.setPointerCapture(e.pointerId);
      e.currentTarget.focus();
      endMerge();
    },
    onPointerMove: (e: React.PointerEvent<SVGGElement>) => {
      if (!e.currentTarget.hasPointerCapture(e.pointerId)) return;
      const v = valueAt(e.clientX, e.clientY);
      const g = get();
      if (v[0] !== g[0] || v[1] !== g[1]) apply(set(v), { merge: true });
    },
    onPointerUp: () => endMerge(),
    onKeyDown: (e: React.KeyboardEvent<SVGGElement>) => {
      const m = e.shiftKey ? 10 : 1;
      const s0 = ((hi0 - lo0) / 100) * m;
      const s1 = ((hi1 - lo1) / 100) * m;
      const moves: Record<string, [number, number]> = {
        ArrowLeft: [-s0, 0],
        ArrowRight: [s0, 0],
        ArrowDown: [0, -s1],
        ArrowUp: [0, s1],
        PageUp: [0, (hi1 - lo1) / 10],
        PageDown: [0, -(hi1 - lo1) / 10],
      };
      const dv = moves[e.key];
      if (!dv) return;
      e.preventDefault();
      const g = get();
      const v: [number, number] = [
        Math.min(hi0, Math.max(lo0, g[0] + dv[0])),
        Math.min(hi1, Math.max(lo1, g[1] + dv[1])),
      ];
      if (v[0] !== g[0] || v[1] !== g[1]) apply(set(v));
    },
  });

  const actors = s.actors.map((a, i) => ({ a, i })).filter(({ i }) => is.has[i] === 1);
  const markers = MODEL_NAMES.flatMap((m) => {
    const o = modelOutcome(f, m);
    return o && o.length === 2 && Number.isFinite(o[0]!) && Number.isFinite(o[1]!)
      ? [{ m, x: o[0]!, y: o[1]!, colour: MODEL_COLOURS[m] }]
      : [];
  });
  const title = t('plane.title', { issue: is.title, across: name(0), up: name(1) });
  return (
    <div ref={box} className="issue-plane-box">
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG drawing cannot be a fieldset; the group names its points */}
      <svg
        ref={svg}
        className="issue-plane"
        width={SIZE}
        height={SIZE}
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        style={{ maxWidth: '100%', height: 'auto' }}
        role="group"
        aria-label={title}
        fontSize={11}
        fontFamily="system-ui, sans-serif"
        data-issue={is.id}
      >
        <rect x={PAD} y={PAD} width={span} height={span} fill="#fff" stroke="#9aa5b1" />
        {/* The Pareto set of the veto players and the win-set of the status quo, cell by cell. */}
        <CellSet className="winset" fill="#0072b2" fillOpacity={0.35} on={cells.winSet} cellW={cellW} />
        <CellSet className="pareto" fill="#1f6f43" fillOpacity={0.4} on={cells.pareto} cellW={cellW} />
        {/* Axes. */}
        <g fill="#4f5b66" fontSize={10}>
          {[0, 0.25, 0.5, 0.75, 1].map((t) => (
            <g key={t}>
              <text x={px(lo0 + t * (hi0 - lo0))} y={SIZE - PAD + 14} textAnchor="middle">
                {fmt(lo0 + t * (hi0 - lo0))}
              </text>
              <text x={PAD - 6} y={py(lo1 + t * (hi1 - lo1)) + 3} textAnchor="end">
                {fmt(lo1 + t * (hi1 - lo1))}
              </text>
            </g>
          ))}
          <text x={PAD + span / 2} y={SIZE - 8} textAnchor="middle" fontSize={11}>
            {name(0)} →
          </text>
          <text
            x={12}
            y={PAD + span / 2}
            textAnchor="middle"
            fontSize={11}
            transform={`rotate(-90 12 ${PAD + span / 2})`}
          >
            {name(1)} →
          </text>
        </g>
        <clipPath id={`plane-clip-${is.id}`}>
          <rect x={PAD} y={PAD} width={span} height={span} />
        </clipPath>
        {/* Indifference curves through the status quo: Σ_d s_d ((z_d − x_d)/r_d)² = ρ². */}
        {q ? (
          <g className="indifference" clipPath={`url(#plane-clip-${is.id})`} fill="none" strokeWidth={1}>
            {actors.map(({ a, i }) => {
              const s0 = is.salience[2 * i]!;
              const s1 = is.salience[2 * i + 1]!;
              if (!(s0 > 0 && s1 > 0)) return null;
              const x0 = is.position[2 * i]!;
              const x1 = is.position[2 * i + 1]!;
              const r0 = hi0 - lo0;
              const r1 = hi1 - lo1;
              const rho2 = s0 * ((q[0]! - x0) / r0) ** 2 + s1 * ((q[1]! - x1) / r1) ** 2;
              const rx = (Math.sqrt(rho2 / s0) * r0 * span) / r0;
              const ry = (Math.sqrt(rho2 / s1) * r1 * span) / r1;
              return (
                <ellipse
                  key={a.id}
                  cx={px(x0)}
                  cy={py(x1)}
                  rx={rx}
                  ry={ry}
                  stroke={blockers.has(i) ? '#a11d1d' : '#1f4e9c'}
                  strokeOpacity={0.55}
                  strokeDasharray={is.rule.veto[i] === 1 ? undefined : '3 3'}
                />
              );
            })}
          </g>
        ) : null}
        {/* Every model's forecast. */}
        {markers.map((mk) => (
          <g key={mk.m} className={`marker marker-${mk.m}`} data-x={mk.x} data-y={mk.y}>
            <path
              d={`M${px(mk.x) - 5},${py(mk.y) - 5} l10,10 m0,-10 l-10,10`}
              stroke={mk.colour}
              strokeWidth={2.5}
            />
            <text
              x={px(mk.x) + 7}
              y={py(mk.y) - 6}
              fill={mk.colour}
              fontWeight={600}
              stroke="#fff"
              strokeWidth={3}
              paintOrder="stroke"
            >
              {mk.m}
            </text>
            <title>{`${mk.m}: (${fmt(mk.x)}, ${fmt(mk.y)})`}</title>
          </g>
        ))}
        {/* The status quo: draggable. */}
        {q ? (
          <g
            role="slider"
            tabIndex={0}
            aria-label={t('point.statusQuo', { issue: is.title })}
            aria-valuemin={lo0}
            aria-valuemax={hi0}
            aria-valuenow={q[0]}
            aria-valuetext={`${name(0)} ${fmt(q[0]!)}, ${name(1)} ${fmt(q[1]!)}`}
            aria-keyshortcuts="ArrowLeft ArrowRight ArrowUp ArrowDown PageUp PageDown"
            className="handle sq plane-sq"
            {...handle(
              () => [q[0]!, q[1]!],
              (v) => (d) => {
                setStatusQuo(k, 2, 0, v[0], q)(d);
                setStatusQuo(k, 2, 1, v[1], [v[0], q[1]!])(d);
              },
            )}
          >
            <rect x={px(q[0]!) - 12} y={py(q[1]!) - 12} width={24} height={24} fill="transparent" />
            <path d={`M${px(q[0]!)},${py(q[1]!) - 8} l8,8 l-8,8 l-8,-8 z`} fill="#1d2733" />
            <text
              x={px(q[0]!) + 10}
              y={py(q[1]!) + 14}
              fontWeight={700}
              stroke="#fff"
              strokeWidth={3}
              paintOrder="stroke"
            >
              SQ
            </text>
          </g>
        ) : null}
        {/* The actors: draggable points, size by mean salience. */}
        {actors.map(({ a, i }) => {
          const x0 = is.position[2 * i]!;
          const x1 = is.position[2 * i + 1]!;
          const sal = (is.salience[2 * i]! + is.salience[2 * i + 1]!) / 2;
          const fill = blockers.has(i) ? '#a11d1d' : a.member ? '#1f4e9c' : '#6b7580';
          return (
            <g
              key={a.id}
              role="slider"
              tabIndex={0}
              aria-label={t('point.actor', { actor: cn(a.id, a.name), issue: is.title })}
              aria-valuemin={lo0}
              aria-valuemax={hi0}
              aria-valuenow={x0}
              aria-valuetext={t('point.value', {
                d0: name(0),
                x0: fmt(x0),
                d1: name(1),
                x1: fmt(x1),
                s0: is.salience[2 * i]!.toFixed(2),
                s1: is.salience[2 * i + 1]!.toFixed(2),
                blocks: blockers.has(i) ? 'yes' : 'no',
              })}
              aria-keyshortcuts="ArrowLeft ArrowRight ArrowUp ArrowDown PageUp PageDown"
              className="handle actor plane-actor"
              data-actor={a.id}
              {...handle(
                () => [is.position[2 * i]!, is.position[2 * i + 1]!],
                (v) => (d) => {
                  setPosition(k, a.id, 2, 0, v[0])(d);
                  setPosition(k, a.id, 2, 1, v[1])(d);
                },
              )}
            >
              <circle className="hit" cx={px(x0)} cy={py(x1)} r={12} fill="transparent" />
              <circle
                cx={px(x0)}
                cy={py(x1)}
                r={4 + 5 * Math.sqrt(Math.max(0, sal))}
                fill={fill}
                stroke="#fff"
                strokeWidth={1.5}
              />
              <text
                x={px(x0) + 9}
                y={py(x1) + 4}
                fill="#1d2733"
                stroke="#fff"
                strokeWidth={3}
                paintOrder="stroke"
              >
                {a.id}
              </text>
              <title>{`${cn(a.id, a.name)}: (${fmt(x0)}, ${fmt(x1)})`}</title>
            </g>
          );
        })}
      </svg>
      <ul className="legend small" aria-label={t('legend.label')}>
        <li>
          <span className="swatch" style={{ background: '#1f6f43', opacity: 0.5 }} aria-hidden="true" />
          {t('legend.pareto')}
        </li>
        <li>
          <span className="swatch" style={{ background: '#73a9d3' }} aria-hidden="true" />
          {t('legend.winset')}
        </li>
        <li>{t('legend.ellipses')}</li>
        <li>{t('legend.forecasts')}</li>
      </ul>
      <ChartDownloads svg={() => svgIn(box.current)} name={`${s.id}-${is.id}-plane`} />
    </div>
  );
}
