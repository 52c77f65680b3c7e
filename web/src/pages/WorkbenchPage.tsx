/**
 * The issue workbench: a scenario's issues as lines, one row per actor with its position as a
 * handle, and the case itself editable — positions, saliences, capabilities, the status quo, the
 * proposal, the chair and the rule; actors added or removed. Every edit is a change to the scenario
 * file (../workbench/edit.ts), which is resolved exactly as the CLI resolves it
 * (src/scenario/resolve.ts) and forecast by every model (src/bargaining/forecast.ts), in the
 * browser. The case lives in the address (compressed), so a link reproduces it; it can be undone,
 * redone and saved as a scenario file (YAML). Recompute timings sit in a debug panel.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { parse as parseYaml } from 'yaml';
import {
  ADOPTION_TOLERANCE,
  explain,
  ForecastWorkspace,
  fmtPoint,
  forecastAll,
  forecastIssue,
  type IssueForecast,
  MODEL_NAMES,
  MODEL_TITLES,
  modelAdoption,
  modelNoteIn,
  modelOutcome,
} from '../../../src/bargaining/forecast.js';
import { createDataset, type Dataset, type DatasetFiles } from '../../../src/data/dataset.js';
import { ConcordError } from '../../../src/errors.js';
import { labWorkbench } from '../../../src/i18n/messages/lab-workbench/index.js';
import { reportForecasts } from '../../../src/i18n/messages/report-forecasts/index.js';
import { OrganizationRegistry } from '../../../src/org/registry.js';
import type { Organization } from '../../../src/org/schema.js';
import { textWidth } from '../../../src/report/charts/text.js';
import { describeRule } from '../../../src/rules/evaluate.js';
import type { Rule } from '../../../src/rules/schema.js';
import { resolveScenario } from '../../../src/scenario/resolve.js';
import { type ScenarioFile, ScenarioFileSchema } from '../../../src/scenario/schema.js';
import type { ResolvedIssue, ResolvedScenario } from '../../../src/scenario/types.js';
import { MODEL_COLOURS } from '../../../src/util/palette.js';
import { api } from '../api.js';
import { ChartDownloads, svgIn } from '../components/ChartDownloads.js';
import { ErrorNote } from '../components/Notice.js';
import type { Uploaded } from '../components/ScenarioUpload.js';
import { TableBox } from '../components/TableBox.js';
import { useLab } from '../context.js';
import { useApi } from '../hooks.js';
import { rich, useFormat, useLocale, useT } from '../i18n.js';
import { useCountryName } from '../names.js';
import { useSearch, useTitle } from '../router.js';
import {
  addActor,
  caseYaml,
  decodeCase,
  edited,
  encodeCase,
  presetOf,
  RULE_PRESETS,
  removeActor,
  sameCase,
  setCapability,
  setChair,
  setPosition,
  setProposal,
  setRule,
  setSalience,
  setStatusQuo,
  setTakesPart,
} from '../workbench/edit.js';
import { IssuePlane } from '../workbench/IssuePlane.js';

interface ScenarioSummary {
  id: string;
  title: string;
  date: string | null;
  file: string;
  issues: Array<{ id: string; title: string; dimensions: number }>;
}

/** The id of an uploaded scenario from the select's value `upload:<id>`, else null. */
function uploadOf(value: string): string | null {
  return value.startsWith('upload:') ? value.slice('upload:'.length) : null;
}

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

/** The workbench's history: the case now, the cases before it (undo) and after it (redo). */
interface History {
  past: ScenarioFile[];
  now: ScenarioFile | null;
  future: ScenarioFile[];
  /** While a handle is dragged, its moves merge into one undo step. */
  merging: boolean;
}

const EMPTY: History = { past: [], now: null, future: [], merging: false };

function initialCase(): { file: ScenarioFile | null; error: Error | null } {
  const text = new URLSearchParams(window.location.search).get('case');
  if (!text) return { file: null, error: null };
  try {
    return { file: decodeCase(text), error: null };
  } catch (e) {
    return { file: null, error: e as Error };
  }
}

export function WorkbenchPage() {
  const t = useT(labWorkbench);
  const n = useFormat();
  useTitle(t('title'));
  const search = useSearch();
  const list = useApi<{ scenarios: ScenarioSummary[] }>('/api/scenarios');
  // Scenarios uploaded into the token's workspace (Sweeps page): the select's value is `upload:<id>`.
  const { workspace } = useLab();
  const uploads = useApi<{ scenarios: Uploaded[] }>(workspace ? '/api/workspace/scenarios' : null, [
    workspace,
  ]);
  const fromLink = useRef(initialCase());
  const [id, setId] = useState<string>(
    search.get('scenario') ?? fromLink.current.file?.id ?? 'sco-development-bank-2010',
  );
  /**
   * Where the case came from: a listed scenario (`shipped`: a shipped one by its id, or one uploaded
   * into the workspace, `upload:<id>`, named by its file) or a file opened here.
   */
  const [origin, setOrigin] = useState<{ kind: 'shipped' | 'file'; name: string }>({
    kind: 'shipped',
    name: id,
  });
  const [lib, setLib] = useState<{ registry: OrganizationRegistry; dataset: Dataset } | null>(null);
  const [base, setBase] = useState<ScenarioFile | null>(null);
  const [hist, setHist] = useState<History>(EMPTY);
  const [error, setError] = useState<Error | null>(fromLink.current.error);
  const [copied, setCopied] = useState<string | null>(null);
  const timings = useRef(new Timings());
  const ws = useRef(new ForecastWorkspace());
  const pendingFrame = useRef<number | null>(null);

  useEffect(() => {
    loadLibrary()
      .then(setLib)
      .catch((e: Error) => setError(e));
  }, []);

  // A listed scenario: fetched when chosen (the case from a link replaces it once).
  useEffect(() => {
    if (origin.kind !== 'shipped') return;
    let live = true;
    const upload = uploadOf(id);
    api<{ scenario: ScenarioFile; name?: string }>(
      upload
        ? `/api/workspace/scenarios/${encodeURIComponent(upload)}`
        : `/api/scenarios/${encodeURIComponent(id)}`,
    )
      .then((r) => {
        if (!live) return;
        if (upload && r.name) setOrigin({ kind: 'shipped', name: r.name });
        setBase(r.scenario);
        const linked = fromLink.current.file;
        fromLink.current = { file: null, error: null };
        setHist({ ...EMPTY, now: linked ?? r.scenario });
      })
      .catch((e: Error) => {
        if (!live) return;
        // A link to a case whose scenario is not shipped here still opens.
        const linked = fromLink.current.file;
        fromLink.current = { file: null, error: null };
        if (linked) {
          setBase(null);
          setHist({ ...EMPTY, now: linked });
        } else setError(e);
      });
    return () => {
      live = false;
    };
  }, [id, origin.kind]);

  // The case, resolved as the CLI resolves it, and every model on every issue.
  const { scenario, forecasts, caseError } = useMemo(() => {
    if (!hist.now || !lib) return { scenario: null, forecasts: [] as IssueForecast[], caseError: null };
    const t0 = performance.now();
    try {
      const r = resolveScenario(hist.now, { ...lib, file: origin.name });
      // every issue, with one run of the exchange model for all and the package deals applied
      const fs = forecastAll(r, { workspace: ws.current });
      timings.current.add('compute', performance.now() - t0);
      return { scenario: r, forecasts: fs, caseError: null };
    } catch (e) {
      return { scenario: null, forecasts: [] as IssueForecast[], caseError: e as Error };
    }
  }, [hist.now, lib, origin.name]);
  // The last case that resolved, kept on screen while an edit is wrong.
  const shown = useRef<{ scenario: ResolvedScenario; forecasts: IssueForecast[] } | null>(null);
  if (scenario) shown.current = { scenario, forecasts };
  if (hist.now === null) shown.current = null;

  // The state in the address: the scenario's id, and the whole case when it was edited.
  useEffect(() => {
    if (!hist.now) return;
    const q = new URLSearchParams(window.location.search);
    q.set('scenario', origin.kind === 'shipped' ? id : hist.now.id);
    if (origin.kind === 'shipped' && sameCase(hist.now, base)) q.delete('case');
    else q.set('case', encodeCase(hist.now));
    const next = `${window.location.pathname}?${q}`;
    if (next !== window.location.pathname + window.location.search)
      window.history.replaceState(null, '', next);
  }, [hist.now, base, id, origin.kind]);

  const apply = useCallback((edit: (d: ScenarioFile) => void, o: { merge?: boolean } = {}) => {
    pendingFrame.current = performance.now();
    setCopied(null);
    setHist((h) => {
      if (!h.now) return h;
      const next = edited(h.now, edit);
      if (sameCase(next, h.now)) return h;
      if (o.merge && h.merging) return { ...h, now: next };
      return { past: [...h.past, h.now].slice(-200), now: next, future: [], merging: !!o.merge };
    });
  }, []);
  const endMerge = useCallback(() => setHist((h) => (h.merging ? { ...h, merging: false } : h)), []);
  const undo = useCallback(
    () =>
      setHist((h) =>
        h.past.length && h.now
          ? {
              past: h.past.slice(0, -1),
              now: h.past[h.past.length - 1]!,
              future: [h.now, ...h.future],
              merging: false,
            }
          : h,
      ),
    [],
  );
  const redo = useCallback(
    () =>
      setHist((h) =>
        h.future.length && h.now
          ? { past: [...h.past, h.now], now: h.future[0]!, future: h.future.slice(1), merging: false }
          : h,
      ),
    [],
  );
  const reset = useCallback(
    () =>
      setHist((h) =>
        base && h.now && !sameCase(base, h.now)
          ? { past: [...h.past, h.now], now: base, future: [], merging: false }
          : h,
      ),
    [base],
  );

  // Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) anywhere on the page but in a text field.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT')) return;
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) {
        e.preventDefault();
        undo();
      } else if ((k === 'z' && e.shiftKey) || k === 'y') {
        e.preventDefault();
        redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);

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

  const openFile = async (file: File) => {
    setError(null);
    try {
      const raw = parseYaml(await file.text(), { maxAliasCount: 100 });
      const r = ScenarioFileSchema.safeParse(raw);
      if (!r.success) {
        const i = r.error.issues[0]!;
        throw new Error(`${file.name}: ${i.path.join('.') || '(root)'}: ${i.message}`);
      }
      setOrigin({ kind: 'file', name: file.name });
      setBase(r.data);
      setHist({ ...EMPTY, now: r.data });
    } catch (e) {
      setError(e as Error);
    }
  };

  const saveYaml = () => {
    if (!hist.now) return;
    const text = caseYaml(
      hist.now,
      origin.kind === 'shipped' && !uploadOf(id) ? `scenario ${id}` : origin.name,
    );
    const url = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${hist.now.id}${sameCase(hist.now, base) ? '' : '-edited'}.yaml`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const copyLink = async () => {
    const href = window.location.href;
    try {
      await navigator.clipboard.writeText(href);
      setCopied(t('copied'));
    } catch {
      setCopied(t('copy.manual'));
    }
  };

  const scenarios = list.data?.scenarios ?? [];
  const c = timings.current.stats('compute');
  const fr = timings.current.stats('frame');
  const view = shown.current;
  const orgRule = hist.now?.organization && lib ? lib.registry.get(hist.now.organization).rule : undefined;
  const edits = hist.past.length;
  const changed = !sameCase(hist.now, base);
  return (
    <>
      <h1 tabIndex={-1}>{t('title')}</h1>
      <div className="panel controls-row">
        <label>
          {t('scenario')}{' '}
          <select
            value={origin.kind === 'shipped' ? id : ''}
            onChange={(e) => {
              const v = e.target.value;
              setError(null);
              const up = uploads.data?.scenarios.find((u) => u.id === uploadOf(v));
              setOrigin({ kind: 'shipped', name: up ? up.name : v });
              setId(v);
            }}
            className="wide-select"
            data-testid="workbench-scenario"
          >
            {origin.kind === 'file' ? <option value="">{t('opened', { name: origin.name })}</option> : null}
            {uploads.data?.scenarios.length ? (
              <optgroup label={t('uploadedGroup')}>
                {uploads.data.scenarios.map((u) => (
                  <option key={u.id} value={`upload:${u.id}`}>
                    {u.title && !u.title.includes(u.name) ? `${u.title} (${u.name})` : (u.title ?? u.name)}
                  </option>
                ))}
              </optgroup>
            ) : uploadOf(id) ? (
              <option value={id}>{t('uploaded', { name: origin.name })}</option>
            ) : null}
            <optgroup label={t('shipped')}>
              {(scenarios.length ? scenarios : uploadOf(id) ? [] : [{ id, title: id, date: null }]).map(
                (s) => (
                  <option key={s.id} value={s.id}>
                    {s.date ? `${s.date.slice(0, 4)}: ` : ''}
                    {s.title}
                  </option>
                ),
              )}
            </optgroup>
          </select>
        </label>
        <label className="file-open">
          {t('open')}{' '}
          <input
            type="file"
            accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void openFile(f);
              e.target.value = '';
            }}
          />
        </label>
      </div>
      <div className="panel button-row toolbar" role="toolbar" aria-label={t('toolbar')}>
        <button type="button" onClick={undo} disabled={!hist.past.length} aria-keyshortcuts="Control+Z">
          {t('undo')}
        </button>
        <button
          type="button"
          onClick={redo}
          disabled={!hist.future.length}
          aria-keyshortcuts="Control+Shift+Z Control+Y"
        >
          {t('redo')}
        </button>
        <button type="button" onClick={reset} disabled={!changed || !base}>
          {t('reset')}
        </button>
        <button type="button" onClick={() => void copyLink()} disabled={!hist.now}>
          {t('copy')}
        </button>
        <button type="button" onClick={saveYaml} disabled={!hist.now}>
          {t('save')}
        </button>
        <span className="small muted" aria-live="polite" data-testid="edit-state">
          {!changed
            ? t('state.same', { name: origin.name })
            : edits
              ? t('state.edits', { count: edits, name: origin.name })
              : t('state.link', { name: origin.name })}
        </span>
      </div>
      {copied ? (
        <div className="note" role="status">
          {copied}
          <input
            readOnly
            className="link-box mono"
            aria-label={t('linkBox')}
            value={window.location.href}
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
      ) : null}
      <ErrorNote error={error ?? list.error} />
      {caseError ? (
        <div className="note error" role="alert">
          <strong>{t('invalid')}</strong> {caseError.message}{' '}
          <button type="button" onClick={undo} disabled={!hist.past.length}>
            {t('undoIt')}
          </button>
          {caseError instanceof ConcordError && caseError.hint ? (
            <div className="muted">{caseError.hint}</div>
          ) : null}
        </div>
      ) : null}
      {view && hist.now ? (
        <>
          <p>
            {rich(
              t('summary', {
                title: '\u0000title\u0000',
                date: view.scenario.date ?? 'none',
                source: view.scenario.capabilitySource,
                year: view.scenario.capabilityYear ? String(view.scenario.capabilityYear) : 'none',
                chair: view.scenario.chair >= 0 ? view.scenario.actors[view.scenario.chair]!.id : 'none',
              }),
              { title: <strong>{view.scenario.title}</strong> },
            )}
          </p>
          <CasePanel s={view.scenario} file={hist.now} orgRule={orgRule} apply={apply} />
          {view.scenario.issues.map((is, k) =>
            view.forecasts[k] ? (
              <IssuePanel
                key={`${view.scenario.id}-${is.id}`}
                k={k}
                scenario={view.scenario}
                issue={is}
                forecast={view.forecasts[k]!}
                apply={apply}
                endMerge={endMerge}
              />
            ) : null,
          )}
        </>
      ) : !error && !caseError ? (
        <p>{t('loading')}</p>
      ) : null}
      <details className="panel debug">
        <summary>{t('debug')}</summary>
        <p className="small muted timing" data-testid="timing">
          {c
            ? t('timing', {
                last: n.fixed(c.last, 2),
                median: n.fixed(c.median, 2),
                max: n.fixed(c.max, 2),
                n: c.n,
                fmedian: fr ? n.fixed(fr.median, 1) : '–',
                fmax: fr ? n.fixed(fr.max, 1) : '–',
              })
            : t('timing.none')}
        </p>
      </details>
    </>
  );
}

/** The case's rule, chair, capabilities and actors. */
function CasePanel({
  s,
  file,
  orgRule,
  apply,
}: {
  s: ResolvedScenario;
  file: ScenarioFile;
  orgRule: Rule | undefined;
  apply: (edit: (d: ScenarioFile) => void) => void;
}) {
  const t = useT(labWorkbench);
  const { locale } = useLocale();
  const n = useFormat();
  const cn = useCountryName();
  const an = (a: { id: string; name: string }) => cn(a.id, a.name);
  const [newId, setNewId] = useState('');
  const [newName, setNewName] = useState('');
  const preset = presetOf(file.rule);
  // each rule in force, in the lab's language (the English keys the set: one entry per rule)
  const rules = new Map(s.issues.map((is) => [is.rule.description, describeRule(is.rule.rule, locale)]));
  const idOk = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(newId) && !s.actors.some((a) => a.id === newId);
  return (
    <section className="panel" aria-labelledby="case-h">
      <h2 id="case-h">{t('case')}</h2>
      <div className="controls-row">
        <label>
          {t('rule')}{' '}
          <select
            value={preset}
            onChange={(e) => {
              const v = e.target.value;
              if (v === 'custom') return;
              apply(setRule(v === '' ? undefined : RULE_PRESETS.find((p) => p.id === v)!.rule));
            }}
          >
            <option value="">
              {t('rule.org', { rule: orgRule ? describeRule(orgRule, locale) : 'none' })}
            </option>
            {RULE_PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {t.or(`preset.${p.id}`, p.label)}
              </option>
            ))}
            {preset === 'custom' ? (
              <option value="custom">{t('rule.coded', { rules: [...rules.values()].join('; ') })}</option>
            ) : null}
          </select>
        </label>
        <label>
          {t('chair')}{' '}
          <select
            value={s.chair >= 0 ? s.actors[s.chair]!.id : ''}
            onChange={(e) => e.target.value && apply(setChair(e.target.value))}
          >
            {s.chair < 0 ? <option value="">{t('chair.none')}</option> : null}
            {s.actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.id} {an(a)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('capability')}{' '}
          <select
            value={file.capability}
            onChange={(e) =>
              apply((d) => {
                d.capability = e.target.value as ScenarioFile['capability'];
              })
            }
          >
            <option value="gdp">{t('capability.gdp')}</option>
            <option value="cinc">{t('capability.cinc')}</option>
            <option value="population">{t('capability.population')}</option>
            <option value="equal">{t('capability.equal')}</option>
          </select>
        </label>
      </div>
      <p className="small muted">
        {t('inForce', { rules: [...rules.values()].join('; ') })} {s.capabilityNote ?? ''}
      </p>
      <details>
        <summary>{t('actors.count', { count: s.actors.length })}</summary>
        <TableBox label={t('actors')}>
          <table className="edit-table">
            <caption className="sr-only">{t('actors.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('col.actor')}</th>
                <th scope="col">{t('col.share')}</th>
                <th scope="col">{t('col.set')}</th>
                <th scope="col">
                  <span className="sr-only">{t('remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {s.actors.map((a, i) => {
                const given = file.actors?.[a.id]?.capability;
                return (
                  <tr key={a.id}>
                    <th scope="row">
                      {a.member ? `${a.id} ${an(a)}` : t('notMember', { actor: `${a.id} ${an(a)}` })}
                    </th>
                    <td className="num">{n.percent(s.capability[i]!, 1)}</td>
                    <td>
                      <NumberField
                        label={t('share.label', { actor: an(a) })}
                        value={given === undefined ? null : given * 100}
                        min={0}
                        max={100}
                        step={0.5}
                        allowEmpty
                        onCommit={(v) => apply(setCapability(a.id, v === null ? null : v / 100))}
                      />
                    </td>
                    <td>
                      <button
                        type="button"
                        className="danger"
                        disabled={s.actors.length <= 2}
                        onClick={() => apply(removeActor(a.id, s, orgRule))}
                        aria-label={t('remove.label', { actor: an(a) })}
                      >
                        {t('remove')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableBox>
        <form
          className="inline-form add-actor"
          onSubmit={(e) => {
            e.preventDefault();
            if (!idOk) return;
            apply(addActor(newId, newName, 0.05, s, orgRule));
            setNewId('');
            setNewName('');
          }}
        >
          <label>
            {t('new.id')} <input value={newId} onChange={(e) => setNewId(e.target.value)} size={8} />
          </label>
          <label>
            {t('new.name')} <input value={newName} onChange={(e) => setNewName(e.target.value)} size={14} />
          </label>
          <button type="submit" disabled={!idOk}>
            {t('new.add')}
          </button>
        </form>
        <p className="small muted">{t('removeNote')}</p>
      </details>
    </section>
  );
}

/** A number input that commits on change of a valid value (Enter, blur, the spinner). */
function NumberField({
  label,
  value,
  min,
  max,
  step,
  allowEmpty,
  onCommit,
  disabled,
}: {
  label: string;
  value: number | null;
  min: number;
  max: number;
  step: number;
  allowEmpty?: boolean;
  onCommit: (v: number | null) => void;
  disabled?: boolean;
}) {
  const shownValue = value === null ? '' : String(Math.round(value * 1000) / 1000);
  const [draft, setDraft] = useState(shownValue);
  const [bad, setBad] = useState(false);
  useEffect(() => setDraft(shownValue), [shownValue]);
  const commit = (text: string) => {
    if (text.trim() === '') {
      if (allowEmpty) {
        setBad(false);
        if (value !== null) onCommit(null);
      }
      return;
    }
    const v = Number(text);
    if (!Number.isFinite(v) || v < min || v > max) {
      setBad(true);
      return;
    }
    setBad(false);
    if (v !== value) onCommit(v);
  };
  return (
    <input
      type="number"
      className="num-input"
      aria-label={label}
      aria-invalid={bad || undefined}
      title={bad ? `Between ${min} and ${max}` : undefined}
      min={min}
      max={max}
      step={step}
      value={draft}
      disabled={disabled}
      onChange={(e) => {
        setDraft(e.target.value);
        // The spinner and the arrow keys change the value at once; typing commits on Enter or blur.
        if ((e.nativeEvent as InputEvent).inputType === undefined) commit(e.target.value);
      }}
      onBlur={(e) => commit(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit(e.currentTarget.value);
      }}
    />
  );
}

function IssuePanel({
  k,
  scenario: s,
  issue: is,
  forecast: f,
  apply,
  endMerge,
}: {
  k: number;
  scenario: ResolvedScenario;
  issue: ResolvedIssue;
  forecast: IssueForecast;
  apply: (edit: (d: ScenarioFile) => void, o?: { merge?: boolean }) => void;
  endMerge: () => void;
}) {
  const t = useT(labWorkbench);
  const { locale } = useLocale();
  const cn = useCountryName();
  const headingId = `issue-${is.id}`;
  return (
    <section className="panel issue" aria-labelledby={headingId}>
      <h2 id={headingId}>{is.title}</h2>
      <p className="small">
        {t('issue.rule', {
          rule: describeRule(is.rule.rule, locale),
          proposer: is.proposer >= 0 ? s.actors[is.proposer]!.id : 'none',
          setter: is.proposer < 0 && is.setter >= 0 ? s.actors[is.setter]!.id : 'none',
          closed: is.amendable ? 'no' : 'yes',
          optOut: is.optOut ? 'yes' : 'no',
        })}
      </p>
      {is.dims === 2 ? <IssuePlane k={k} s={s} is={is} f={f} apply={apply} endMerge={endMerge} /> : null}
      {Array.from({ length: is.dims }, (_, d) => (
        <IssueLine
          key={is.dimensionIds[d] ?? d}
          k={k}
          s={s}
          is={is}
          d={d}
          f={f}
          apply={apply}
          endMerge={endMerge}
        />
      ))}
      <ul className="legend small" aria-label={t('legend')}>
        <li>
          <span className="swatch" style={{ background: '#a11d1d' }} aria-hidden="true" />
          {t('legend.blocks')}
        </li>
        <li>
          <span className="swatch" style={{ background: '#1f6f43' }} aria-hidden="true" />
          {t('legend.takesPart')}
        </li>
        <li>
          <span className="swatch" style={{ background: '#1f4e9c' }} aria-hidden="true" />
          {t('legend.member')}
        </li>
        <li>
          <span className="swatch" style={{ background: '#dfeedd' }} aria-hidden="true" />
          {t('legend.core')}
        </li>
        <li>
          <span className="swatch" style={{ background: '#73a9d3' }} aria-hidden="true" />
          {t('legend.winSet')}
        </li>
        <li>{t('legend.observed')}</li>
      </ul>
      <p className="explanation" aria-live="polite" data-testid={`explanation-${is.id}`}>
        {explain(s, f, locale, (a) => cn(/^[A-Z]{3}$/.test(a.id) ? a.id : null, a.name))}
      </p>
      <ForecastTable s={s} f={f} />
      <details className="edit-actors">
        <summary>{t('editPositions')}</summary>
        <PositionsTable k={k} s={s} is={is} apply={apply} />
      </details>
      {Object.keys(is.modelNotes).length ? (
        <details>
          <summary>{t('notes')}</summary>
          <ul className="small">
            {MODEL_NAMES.filter((m) => is.modelNotes[m]).map((m) => (
              <li key={m}>
                <strong>{t('modelNote', { model: m })}</strong> {is.modelNotes[m]}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

/** Every actor of the case on one issue: whether it takes part, its position and salience. */
function PositionsTable({
  k,
  s,
  is,
  apply,
}: {
  k: number;
  s: ResolvedScenario;
  is: ResolvedIssue;
  apply: (edit: (d: ScenarioFile) => void) => void;
}) {
  const t = useT(labWorkbench);
  const cn = useCountryName();
  const an = (a: { id: string; name: string }) => cn(a.id, a.name);
  const dimName = (d: number) => (is.dims > 1 ? ` (${is.dimensionTitles[d] ?? is.dimensionIds[d]})` : '');
  return (
    <TableBox label={t('positions', { issue: is.title })}>
      <table className="edit-table" data-issue={is.id}>
        <caption className="sr-only">{t('positions', { issue: is.title })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('col.actor')}</th>
            <th scope="col">{t('col.takesPart')}</th>
            {Array.from({ length: is.dims }, (_, d) => (
              <th key={`p${is.dimensionIds[d]}`} scope="col">
                {t('col.position', { dim: dimName(d), lo: fmtPoint(is.lo[d]!), hi: fmtPoint(is.hi[d]!) })}
              </th>
            ))}
            {Array.from({ length: is.dims }, (_, d) => (
              <th key={`s${is.dimensionIds[d]}`} scope="col">
                {t('col.salience', { dim: dimName(d) })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {s.actors.map((a, i) => {
            const has = is.has[i] === 1;
            return (
              <tr key={a.id} data-actor={a.id}>
                <th scope="row">
                  {a.id} {an(a)}
                </th>
                <td>
                  <input
                    type="checkbox"
                    checked={has}
                    aria-label={t('takesPart.label', { actor: an(a), issue: is.title })}
                    onChange={(e) => apply(setTakesPart(k, a.id, e.target.checked, s))}
                  />
                </td>
                {Array.from({ length: is.dims }, (_, d) => (
                  <td key={`p${is.dimensionIds[d]}`}>
                    <NumberField
                      label={t('position.label', { actor: an(a), issue: `${is.title}${dimName(d)}` })}
                      value={has ? is.position[i * is.dims + d]! : null}
                      min={is.lo[d]!}
                      max={is.hi[d]!}
                      step={(is.hi[d]! - is.lo[d]!) / 100}
                      disabled={!has}
                      onCommit={(v) => v !== null && apply(setPosition(k, a.id, is.dims, d, v))}
                    />
                  </td>
                ))}
                {Array.from({ length: is.dims }, (_, d) => (
                  <td key={`s${is.dimensionIds[d]}`}>
                    <NumberField
                      label={t('salience.label', { actor: an(a), issue: `${is.title}${dimName(d)}` })}
                      value={has ? is.salience[i * is.dims + d]! : null}
                      min={0}
                      max={1}
                      step={0.05}
                      disabled={!has}
                      onCommit={(v) => v !== null && apply(setSalience(k, a.id, is.dims, d, v))}
                    />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableBox>
  );
}

/** The chart's width in CSS pixels (one SVG unit is one pixel, so handles keep their size on a phone). */
function useWidth(ref: React.RefObject<HTMLElement | null>, initial: number): number {
  const [w, setW] = useState(initial);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setW(Math.max(300, Math.round(el.getBoundingClientRect().width)));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return w;
}

const TOP = 84;

function IssueLine({
  k,
  s,
  is,
  d,
  f,
  apply,
  endMerge,
}: {
  k: number;
  s: ResolvedScenario;
  is: ResolvedIssue;
  d: number;
  f: IssueForecast;
  apply: (edit: (d: ScenarioFile) => void, o?: { merge?: boolean }) => void;
  endMerge: () => void;
}) {
  const t = useT(labWorkbench);
  const tf = useT(reportForecasts);
  const n = useFormat();
  const cn = useCountryName();
  const an = (a: { id: string; name: string }) => cn(a.id, a.name);
  const box = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const W = useWidth(box, 940);
  // A phone: touch targets of 44 px and rows to match; else handles of at least 24 px.
  const narrow = W < 640;
  const LEFT = narrow ? 64 : 150;
  const RIGHT = narrow ? 18 : 24;
  const ROW = narrow ? 44 : 26;
  const HIT = narrow ? 22 : 12;
  const lo = is.lo[d]!;
  const hi = is.hi[d]!;
  const x = (v: number) => LEFT + ((v - lo) / (hi - lo)) * (W - LEFT - RIGHT);
  const actors = s.actors.map((a, i) => ({ a, i })).filter(({ i }) => is.has[i] === 1);
  const H = TOP + actors.length * ROW + 16;
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
  const handle = (get: () => number, set: (v: number) => (d: ScenarioFile) => void) => ({
    onPointerDown: (e: React.PointerEvent<SVGGElement>) => {
      e.currentTarget.setPointerCapture(e.pointerId);
      e.currentTarget.focus();
      endMerge();
      const v = valueAt(e.clientX);
      if (v !== get()) apply(set(v), { merge: true });
    },
    onPointerMove: (e: React.PointerEvent<SVGGElement>) => {
      if (!e.currentTarget.hasPointerCapture(e.pointerId)) return;
      const v = valueAt(e.clientX);
      if (v !== get()) apply(set(v), { merge: true });
    },
    onPointerUp: () => endMerge(),
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
      if (nv !== get()) apply(set(nv));
    },
  });

  const where = (v: number) =>
    poles ? `${fmtPoint(v)} (${fmtPoint(lo)} = ${poles[0]}, ${fmtPoint(hi)} = ${poles[1]})` : fmtPoint(v);
  const ticks = Array.from({ length: narrow ? 6 : 11 }, (_, t) => lo + (t * (hi - lo)) / (narrow ? 5 : 10));
  const markers: Array<{
    key: string;
    label: string;
    full?: string;
    value: number;
    colour: string;
    dash?: string;
  }> = [];
  for (const m of MODEL_NAMES) {
    const o = modelOutcome(f, m);
    // Each model by its short name in the lab's language (English: its id), its full name in the title.
    if (o && Number.isFinite(o[d]!))
      markers.push({
        key: m,
        label: tf.or(`model-short.${m}`, m),
        full: t.or(`model.${m}`, MODEL_TITLES[m]),
        value: o[d]!,
        colour: MODEL_COLOURS[m],
      });
  }
  if (is.observed?.position) {
    markers.push({
      key: 'observed',
      label: t('marker.observed'),
      value: is.observed.position[d]!,
      colour: '#1d2733',
      dash: '4 3',
    });
  }
  const dimTitle = is.dims > 1 ? `${is.title}: ${is.dimensionTitles[d] ?? is.dimensionIds[d]}` : is.title;
  const sq = is.statusQuo;
  const pr = is.proposal;
  return (
    <div ref={box} className="issue-line-box">
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG drawing cannot be a fieldset; the group names its sliders */}
      <svg
        ref={svg}
        className="issue-line"
        width={W}
        height={H}
        viewBox={`0 0 ${W} ${H}`}
        role="group"
        aria-label={t('line.label', { issue: dimTitle, lo: fmtPoint(lo), hi: fmtPoint(hi) })}
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
            <title>{t('core.title', { lo: fmtPoint(iv.lo), hi: fmtPoint(iv.hi) })}</title>
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
            <title>{t('winSet.title', { lo: fmtPoint(iv.lo), hi: fmtPoint(iv.hi) })}</title>
          </rect>
        ))}
        <g fill="#4f5b66">
          {ticks.map((t) => (
            <g key={t} transform={`translate(${x(t)},0)`}>
              <line y1={TOP - 4} y2={H - 14} stroke="#e3e7eb" />
              <text y={H - 2} textAnchor="middle" fontSize={10}>
                {fmtPoint(t)}
              </text>
            </g>
          ))}
          {poles ? (
            <>
              <text x={LEFT} y={12}>
                ← {narrow && poles[0].length > 18 ? `${poles[0].slice(0, 17)}…` : poles[0]}
                <title>{poles[0]}</title>
              </text>
              <text x={W - RIGHT} y={24} textAnchor="end">
                {narrow && poles[1].length > 18 ? `${poles[1].slice(0, 17)}…` : poles[1]} →
                <title>{poles[1]}</title>
              </text>
            </>
          ) : null}
        </g>
        {/* Each model's forecast and the observed outcome: lines first, labels on top with a halo. */}
        {layoutLabels(markers.map((m) => ({ ...m, at: x(m.value) }))).map((m) => (
          <g key={m.key} className={`marker marker-${m.key}`} data-value={m.value}>
            <line
              x1={m.at}
              x2={m.at}
              y1={TOP - 14}
              y2={H - 14}
              stroke={m.colour}
              strokeWidth={2}
              strokeDasharray={m.dash}
            />
            <title>{`${m.full ?? m.label}: ${fmtPoint(m.value)}`}</title>
          </g>
        ))}
        {layoutLabels(markers.map((m) => ({ ...m, at: x(m.value) }))).map((m) => (
          <text
            key={`l${m.key}`}
            x={Math.min(W - 4 - labelWidth(m.label) / 2, Math.max(4 + labelWidth(m.label) / 2, m.labelX))}
            y={36 + m.row * 12}
            textAnchor="middle"
            fill={m.colour}
            fontWeight={600}
            stroke="#fff"
            strokeWidth={3}
            paintOrder="stroke"
          >
            {m.label}
          </text>
        ))}
        {/* The status quo and the proposal: draggable too. */}
        {sq ? (
          <g
            role="slider"
            tabIndex={0}
            aria-label={t('sq.label', { issue: dimTitle })}
            aria-valuemin={lo}
            aria-valuemax={hi}
            aria-valuenow={sq[d]}
            aria-valuetext={where(sq[d]!)}
            className="handle sq"
            {...handle(
              () => sq[d]!,
              (v) => setStatusQuo(k, is.dims, d, v, sq),
            )}
          >
            <rect
              x={x(sq[d]!) - HIT}
              y={TOP - 15 - HIT}
              width={2 * HIT}
              height={2 * HIT}
              fill="transparent"
            />
            <path d={`M${x(sq[d]!)},${TOP - 22} l7,7 l-7,7 l-7,-7 z`} fill="#1d2733" />
            <text
              x={x(sq[d]!) + 9}
              y={TOP - 11}
              fontWeight={700}
              stroke="#fff"
              strokeWidth={3}
              paintOrder="stroke"
            >
              SQ
            </text>
          </g>
        ) : null}
        {pr ? (
          <g
            role="slider"
            tabIndex={0}
            aria-label={t('proposal.label', { issue: dimTitle })}
            aria-valuemin={lo}
            aria-valuemax={hi}
            aria-valuenow={pr[d]}
            aria-valuetext={where(pr[d]!)}
            className="handle proposal"
            {...handle(
              () => pr[d]!,
              (v) => setProposal(k, is.dims, d, v, pr),
            )}
          >
            <rect
              x={x(pr[d]!) - HIT}
              y={TOP - 15 - HIT}
              width={2 * HIT}
              height={2 * HIT}
              fill="transparent"
            />
            <path d={`M${x(pr[d]!)},${TOP - 22} l6,14 l-12,0 z`} fill="#a11d1d" />
            <text
              x={x(pr[d]!) - 9}
              y={TOP - 11}
              textAnchor="end"
              fontWeight={700}
              fill="#a11d1d"
              stroke="#fff"
              strokeWidth={3}
              paintOrder="stroke"
            >
              {t('proposal')}
            </text>
          </g>
        ) : null}
        {actors.map(({ a, i }, row) => {
          const y = TOP + row * ROW + ROW / 2;
          const v = is.position[i * is.dims + d]!;
          const sal = is.salience[i * is.dims + d]!;
          const role = blockers.has(i) ? t('role.blocks') : participants.has(i) ? t('role.takesPart') : '';
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
                {narrow ? a.id : `${a.id} ${an(a).length > 14 ? `${an(a).slice(0, 13)}…` : an(a)}`}
              </text>
              <line x1={LEFT} x2={W - RIGHT} y1={y} y2={y} stroke="#c5ccd3" />
              <g
                role="slider"
                tabIndex={0}
                aria-label={t('position.label', { actor: an(a), issue: dimTitle })}
                aria-valuemin={lo}
                aria-valuemax={hi}
                aria-valuenow={v}
                aria-valuetext={t('actor.value', {
                  where: where(v),
                  role: role || 'none',
                  salience: n.fixed(sal, 2),
                  capability: n.percent(s.capability[i]!, 1),
                })}
                className="handle actor"
                data-actor={a.id}
                {...handle(
                  () => is.position[i * is.dims + d]!,
                  (nv) => setPosition(k, a.id, is.dims, d, nv),
                )}
              >
                <circle className="hit" cx={x(v)} cy={y} r={HIT} fill="transparent" />
                <circle
                  cx={x(v)}
                  cy={y}
                  r={4 + 5 * Math.sqrt(Math.max(0, sal))}
                  fill={fill}
                  stroke="#fff"
                  strokeWidth={1.5}
                />
                <title>
                  {t('actor.title', {
                    actor: an(a),
                    value: fmtPoint(v),
                    salience: n.fixed(sal, 2),
                    role: role || 'none',
                  })}
                </title>
              </g>
            </g>
          );
        })}
      </svg>
      <ChartDownloads
        svg={() => svgIn(box.current)}
        name={`${s.id}-${is.id}${is.dims > 1 ? `-${is.dimensionIds[d]}` : ''}`}
      />
    </div>
  );
}

/** A marker label's width (11 px, semibold): measured per character, so Cyrillic and CJK fit. */
const labelWidth = (label: string) => Math.ceil(textWidth(label, 11) * 1.06);

/**
 * Places the markers' labels in three rows above the line so that they do not overlap: each label
 * goes to the first row where it clears the previous one, shifted sideways when all rows are taken.
 */
function layoutLabels<T extends { at: number; label: string }>(
  items: T[],
): Array<T & { row: number; labelX: number }> {
  const width = (t: string) => labelWidth(t) + 6;
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
  const t = useT(labWorkbench);
  const { locale } = useLocale();
  const n = useFormat();
  const c = f.consensus ?? null;
  return (
    <TableBox label={t('forecasts', { issue: f.issue.title })}>
      <table className="forecasts">
        <caption className="sr-only">{t('forecasts.caption', { issue: f.issue.title })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('col.model')}</th>
            <th scope="col">{t('col.forecast')}</th>
            <th scope="col">
              {t('col.adopted')}{' '}
              <span className="small muted">
                {t('col.adopted.note', { tolerance: n.percent(ADOPTION_TOLERANCE, 0) })}
              </span>
            </th>
            <th scope="col">{t('col.who')}</th>
            <th scope="col">{t('col.note')}</th>
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
                  {t.or(`model.${m}`, MODEL_TITLES[m])}
                </th>
                <td className="num" data-testid={`outcome-${f.issue.id}-${m}`}>
                  {fmtPoint(o)}
                </td>
                <td>{adopted === null ? '–' : adopted ? t('yes') : t('no')}</td>
                <td>
                  {m === 'consensus' && c
                    ? c.participants
                      ? t('takePart', { ids: ids(c.participants) })
                      : t('block', { ids: ids(c.blockers) })
                    : m === 'eum' && f.eum
                      ? t('rounds', { count: f.eum.rounds, converged: f.eum.converged ? 'yes' : 'no' })
                      : ''}
                </td>
                <td className="small">{f.notes[m] ? (modelNoteIn(f.notes[m], locale) ?? f.notes[m]) : ''}</td>
              </tr>
            );
          })}
          {f.issue.observed ? (
            <tr>
              <th scope="row">{t('marker.observed')}</th>
              <td className="num">{fmtPoint(f.issue.observed.position)}</td>
              <td>
                {f.issue.observed.adopted === null ? '–' : f.issue.observed.adopted ? t('yes') : t('no')}
              </td>
              <td>
                {f.issue.observed.participants
                  ? t('tookPart', { ids: ids(f.issue.observed.participants) })
                  : ''}
              </td>
              <td className="small">{f.issue.observed.note ?? ''}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </TableBox>
  );
}
