/**
 * Decision: the organization's own rule and comparison rules side by side — the passage probability
 * (Coleman's power of the collectivity to act) at every membership stage, with the EU Council as a
 * reference band, and each member's blocking power (Coleman's power to prevent) at a stage. Exact
 * values from the library (src/power/, through /api/orgs/{id}/capacity); the charts are the
 * report's (src/report/charts/capacity.ts).
 */
import { useEffect, useMemo, useState } from 'react';
import { parse as parseYaml } from 'yaml';
import {
  MAJORITY_PARITY_NOTE,
  renderBlockingChart,
  renderPassageChart,
} from '../../../src/report/charts/capacity.js';
import type { Rule } from '../../../src/rules/schema.js';
import { api } from '../api.js';
import { ErrorNote } from '../components/Notice.js';
import { QuotaPanel } from '../components/QuotaPanel.js';
import { SvgChart } from '../components/SvgChart.js';
import { TableBox } from '../components/TableBox.js';
import { useApi } from '../hooks.js';
import { useTitle } from '../router.js';
import type { OrgSummary } from '../types.js';
import { BlocsPanel } from './BlocsPanel.js';
import { ReformPanel } from './ReformPanel.js';

interface NamedRule {
  id: string;
  label: string;
  description: string;
  rule: Rule;
}
interface Outcome {
  rule: string;
  passageProbability: number;
  passageProbabilityFraction: string | null;
  method: string;
  algorithm: string;
  players: Array<{
    id: string;
    blockingPower: number | null;
    penrose: number;
    shapleyShubik: number | null;
    veto: boolean;
  }>;
}
interface Capacity {
  organization: { id: string; name: string; shortName: string };
  rules: Array<{ id: string; label: string; description: string; own: boolean }>;
  stages: Array<{
    from: string;
    to: string | null;
    hypothetical: boolean;
    members: string[];
    joined: string[];
    left?: string[];
    notes: string[];
    outcomes: Outcome[];
  }>;
  euReference: Array<{
    id: string;
    shortName: string;
    players: number;
    passageProbability: number;
    passageProbabilityFraction: string | null;
    literature: string | null;
  }>;
}

/** "1/64 = 1.56%" when the fraction is short, else the percentage (as `concord capacity`). */
function passageCell(p: number, fraction: string | null): string {
  const pct = `${(p * 100).toFixed(p < 0.01 ? 3 : 2)}%`;
  return fraction && fraction.length <= 12 ? `${fraction} = ${pct}` : pct;
}

export function DecisionPage() {
  useTitle('Decision');
  const [orgId, setOrgId] = useState('sco');
  const orgs = useApi<{ organizations: OrgSummary[] }>('/api/orgs');
  const named = useApi<{ rules: NamedRule[]; defaults: string[] }>('/api/rules');
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [custom, setCustom] = useState<Array<{ label: string; rule: unknown }>>([]);
  const [draft, setDraft] = useState('{ count: { atLeastShare: 0.8 } }');
  const [draftLabel, setDraftLabel] = useState('four-fifths');
  const [draftError, setDraftError] = useState<string | null>(null);
  const [addText, setAddText] = useState('');
  const [add, setAdd] = useState<string[]>([]);
  const [stageIdx, setStageIdx] = useState<number | null>(null);
  const rules = chosen ?? named.data?.defaults ?? ['majority', 'two-thirds', 'double-majority'];

  const [result, setResult] = useState<Capacity | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(false);
  const key = JSON.stringify([orgId, rules, custom, add]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for its parts
  useEffect(() => {
    setLoading(true);
    const ac = new AbortController();
    const req = custom.length
      ? api<Capacity>(`/api/orgs/${orgId}/capacity`, {
          method: 'POST',
          body: { rules: [...rules, ...custom], ...(add.length ? { add } : {}) },
          signal: ac.signal,
        })
      : api<Capacity>(
          `/api/orgs/${orgId}/capacity?${new URLSearchParams({ rules: rules.join(','), ...(add.length ? { add: add.join(',') } : {}) })}`,
          { signal: ac.signal },
        );
    req
      .then((r) => {
        setResult(r);
        setError(null);
        setStageIdx(null);
      })
      .catch((e: Error) => !ac.signal.aborted && setError(e))
      .finally(() => setLoading(false));
    return () => ac.abort();
  }, [key]);

  const r = result;
  const stage = r ? r.stages[stageIdx ?? r.stages.length - 1]! : null;
  const charts = useMemo(() => {
    if (!r || !stage) return null;
    const labels = r.stages.map(
      (s) => `${s.from.slice(0, 4)}${s.hypothetical ? '*' : ''} (${s.members.length})`,
    );
    return {
      passage: renderPassageChart({
        id: 'lab-passage',
        title: `${r.organization.shortName}: passage probability by membership stage and decision rule`,
        stages: labels,
        series: r.rules.map((rule, k) => ({
          label: rule.label,
          values: r.stages.map((s) => s.outcomes[k]!.passageProbability),
        })),
        references: r.euReference.map((b) => ({ label: b.shortName, value: b.passageProbability })),
      }),
      blocking: renderBlockingChart({
        id: 'lab-blocking',
        title: `${r.organization.shortName}, stage from ${stage.from}${stage.hypothetical ? ' (hypothetical)' : ''}: blocking power of each member by rule`,
        members: stage.members,
        series: r.rules.map((rule, k) => ({
          label: rule.label,
          values: stage.outcomes[k]!.players.map((p) => p.blockingPower),
        })),
      }),
    };
  }, [r, stage]);

  const addCustom = () => {
    try {
      const rule = parseYaml(draft);
      if (rule === null || rule === undefined)
        throw new Error('write a rule, e.g. { count: { atLeast: 5 } }');
      setCustom([...custom, { label: draftLabel.trim() || `rule ${custom.length + 1}`, rule }]);
      setDraftError(null);
    } catch (e) {
      setDraftError((e as Error).message.split('\n')[0]!);
    }
  };

  return (
    <>
      <h1 tabIndex={-1}>Decision rules and the capacity to decide</h1>
      <div className="panel controls-row">
        <label>
          Organization{' '}
          <select value={orgId} onChange={(e) => setOrgId(e.target.value)}>
            {(orgs.data?.organizations ?? [{ id: 'sco', name: 'Shanghai Cooperation Organisation' }]).map(
              (o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ),
            )}
          </select>
        </label>
        <fieldset>
          <legend>Compare with</legend>
          {(named.data?.rules ?? [])
            .filter((x) => x.id !== 'consensus')
            .map((x) => (
              <label key={x.id} title={x.description}>
                <input
                  type="checkbox"
                  checked={rules.includes(x.id)}
                  onChange={(e) =>
                    setChosen(e.target.checked ? [...rules, x.id] : rules.filter((y) => y !== x.id))
                  }
                />{' '}
                {x.label}{' '}
              </label>
            ))}
        </fieldset>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            setAdd(
              addText
                .split(/[\s,]+/)
                .map((x) => x.trim().toUpperCase())
                .filter(Boolean),
            );
          }}
        >
          <label>
            Hypothetical new members{' '}
            <input
              value={addText}
              onChange={(e) => setAddText(e.target.value)}
              placeholder="e.g. AFG, TKM"
              size={14}
            />
          </label>{' '}
          <button type="submit">Add stage</button>
        </form>
      </div>
      <details className="panel">
        <summary>
          A rule of your own (
          {custom.length ? `${custom.length} added` : 'the rule language of docs/rules.md'})
        </summary>
        <div className="controls-row">
          <label>
            Label <input value={draftLabel} onChange={(e) => setDraftLabel(e.target.value)} size={14} />
          </label>
          <label className="grow">
            Rule (YAML or JSON){' '}
            <input value={draft} onChange={(e) => setDraft(e.target.value)} className="mono" size={50} />
          </label>
          <button type="button" onClick={addCustom}>
            Add rule
          </button>
          {custom.length ? (
            <button type="button" onClick={() => setCustom([])}>
              Remove my rules
            </button>
          ) : null}
        </div>
        {draftError ? (
          <p className="error" role="alert">
            Not valid YAML: {draftError}
          </p>
        ) : null}
        <p className="small muted">
          Examples: <code>{'{ count: { atLeast: 7 } }'}</code>, <code>{'{ consensusMinus: [PAK] }'}</code>,{' '}
          <code>{'{ all: [{ count: { moreThanShare: 0.5 } }, { sum: gdp, atLeastShare: 0.6 }] }'}</code>.
          Fields: votes, population, gdp, cinc, milex, milper, area.
        </p>
      </details>
      <ErrorNote error={error} />
      {r && charts && stage ? (
        <>
          <section className="panel" aria-labelledby="side-h">
            <h2 id="side-h">Rules side by side</h2>
            <TableBox className="scroll" label="Rules side by side">
              <table className="capacity">
                <caption>
                  Passage probability: the share of the 2<sup>n</sup> coalitions of members that carry a
                  decision
                  {loading ? ' (updating…)' : ''}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Stage</th>
                    <th scope="col">Members</th>
                    {r.rules.map((x) => (
                      <th key={x.id} scope="col" title={x.description}>
                        {x.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {r.stages.map((s, i) => (
                    <tr key={s.from + String(s.hypothetical)} className={s === stage ? 'selected' : ''}>
                      <th scope="row">
                        <button
                          type="button"
                          className="link"
                          onClick={() => setStageIdx(i)}
                          aria-pressed={s === stage}
                        >
                          {s.from}
                          {s.hypothetical ? ' (hypothetical)' : ''}
                        </button>
                      </th>
                      <td>
                        {s.members.length}
                        {s.joined.length ? ` (+${s.joined.join(', ')})` : ''}
                        {s.left?.length ? ` (−${s.left.join(', ')})` : ''}
                      </td>
                      {s.outcomes.map((o) => (
                        <td key={o.rule} className="num" data-rule={o.rule}>
                          {passageCell(o.passageProbability, o.passageProbabilityFraction)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableBox>
            <ul className="small">
              {r.rules.map((x) => (
                <li key={x.id}>
                  <strong>{x.label}</strong>: {x.description}
                </li>
              ))}
            </ul>
          </section>
          <div className="grid-2 decision-grid">
            <section className="panel" aria-labelledby="passage-h">
              <h2 id="passage-h">Passage probability by stage</h2>
              <SvgChart svg={charts.passage} />
              {rules.includes('majority') ? <p className="small muted">{MAJORITY_PARITY_NOTE}</p> : null}
              <TableBox label="EU reference band">
                <table>
                  <caption>Reference band: the EU Council of Ministers (qualified majority)</caption>
                  <thead>
                    <tr>
                      <th scope="col">Council</th>
                      <th scope="col">Members</th>
                      <th scope="col">Passage probability</th>
                      <th scope="col">Literature</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.euReference.map((b) => (
                      <tr key={b.id}>
                        <td>{b.shortName}</td>
                        <td className="num">{b.players}</td>
                        <td className="num">
                          {passageCell(b.passageProbability, b.passageProbabilityFraction)}
                        </td>
                        <td className="small">{b.literature ?? ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableBox>
            </section>
            <section className="panel" aria-labelledby="blocking-h">
              <h2 id="blocking-h">
                Blocking power, stage from {stage.from}
                {stage.hypothetical ? ' (hypothetical)' : ''}
              </h2>
              <SvgChart svg={charts.blocking} />
              <TableBox label="Blocking power by member">
                <table>
                  <caption>
                    Coleman's power to prevent: the share of winning coalitions a member turns into losing
                    ones by leaving (1 = a veto)
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Member</th>
                      {r.rules.map((x) => (
                        <th key={x.id} scope="col">
                          {x.label}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {stage.members.map((m, i) => (
                      <tr key={m}>
                        <th scope="row">{m}</th>
                        {stage.outcomes.map((o) => {
                          const p = o.players[i]!;
                          return (
                            <td key={o.rule} className="num nowrap">
                              {p.blockingPower === null ? '–' : p.blockingPower.toFixed(3)}
                              {p.veto ? ' (veto)' : ''}
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableBox>
              {stage.notes.length ? <p className="small muted">{stage.notes.join('; ')}</p> : null}
            </section>
          </div>
        </>
      ) : loading ? (
        <p>Computing…</p>
      ) : null}
      <BlocsPanel orgId={orgId} rules={rules} add={add} />
      <ReformPanel orgId={orgId} />
      <QuotaPanel />
    </>
  );
}
