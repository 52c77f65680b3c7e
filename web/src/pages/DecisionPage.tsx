/**
 * Decision: the organization's own rule and comparison rules side by side — the passage probability
 * (Coleman's power of the collectivity to act) at every membership stage, with the EU Council as a
 * reference band, and each member's blocking power (Coleman's power to prevent) at a stage. Exact
 * values from the library (src/power/, through /api/orgs/{id}/capacity); the charts are the
 * report's (src/report/charts/capacity.ts).
 */
import { useEffect, useMemo, useState } from 'react';
import { parse as parseYaml } from 'yaml';
import type { Formatter } from '../../../src/i18n/format.js';
import { labDecision } from '../../../src/i18n/messages/lab-decision/index.js';
import { DEFAULT_COMPARISONS } from '../../../src/power/comparisons.js';
import { renderBlockingChart, renderPassageChart } from '../../../src/report/charts/capacity.js';
import { playersNoteIn } from '../../../src/report/notes.js';
import { describeRule } from '../../../src/rules/evaluate.js';
import type { Rule } from '../../../src/rules/schema.js';
import { api } from '../api.js';
import { ErrorNote } from '../components/Notice.js';
import { OrgSelect } from '../components/OrgSelect.js';
import { QuotaPanel } from '../components/QuotaPanel.js';
import { SvgChart } from '../components/SvgChart.js';
import { TableBox } from '../components/TableBox.js';
import { useApi } from '../hooks.js';
import { rich, useFormat, useT } from '../i18n.js';
import { useOrgName } from '../names.js';
import { useTitle } from '../router.js';
import { CONSENSUS, ruleLabel as label } from '../ruleName.js';
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
  /** `rule`: the rule itself (null for the own rule by date), worded in the lab's language. */
  rules: Array<{ id: string; label: string; description: string; own: boolean; rule?: unknown }>;
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

/** Rules in the rule language (docs/rules.md): code, the same in every language. */
const RULE_EXAMPLES = [
  '{ count: { atLeast: 7 } }',
  '{ consensusMinus: [PAK] }',
  '{ all: [{ count: { moreThanShare: 0.5 } }, { sum: gdp, atLeastShare: 0.6 }] }',
] as const;

/** "1/64 = 1.56%" when the fraction is short, else the percentage (as `concord capacity`). */
function passageCell(p: number, fraction: string | null, n: Formatter): string {
  const pct = n.percent(p, p < 0.01 ? 3 : 2);
  return fraction && fraction.length <= 12 ? `${fraction} = ${pct}` : pct;
}

export function DecisionPage() {
  const t = useT(labDecision);
  const orgName = useOrgName();
  const n = useFormat();
  const locale = n.locale;
  useTitle(t('title'));
  const ruleLabel = (x: { id: string; label: string }) => label(t, x);
  // A rule in words in the lab's language: from the rule itself where the API gives it, else the
  // catalogue's wording of a named rule, else the API's English description.
  const ruleDesc = (x: { id: string; description: string; rule?: unknown }) => {
    if (locale !== 'en' && x.rule != null) {
      try {
        return describeRule(x.rule as Rule, locale);
      } catch {
        // a rule the describer does not know: the catalogue's or the API's words below
      }
    }
    const byDate = /^the rule in force at each stage: (.+)$/.exec(x.description);
    if (byDate && locale !== 'en') {
      const periods = byDate[1]!.split(', ').map((p) => {
        const m = /^(\S+) from (\d{4}-\d{2}-\d{2})$/.exec(p);
        return m ? t('ruleDesc.period', { id: m[1]!, date: n.date(m[2]!) }) : p;
      });
      return t('ruleDesc.byDate', { periods: periods.join(locale === 'zh-Hans' ? '、' : ', ') });
    }
    return t.or(`ruleDesc.${x.id}`, x.description === CONSENSUS ? t('ruleDesc.consensus') : x.description);
  };
  const power = (v: number | null) => (v === null ? '–' : n.fixed(v, 3));
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
  const rules = chosen ?? named.data?.defaults ?? [...DEFAULT_COMPARISONS];

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
        title: t('chart.passage', { org: orgName(r.organization).shortName }),
        stages: labels,
        series: r.rules.map((rule, k) => ({
          label: label(t, rule),
          values: r.stages.map((s) => s.outcomes[k]!.passageProbability),
        })),
        references: r.euReference.map((b) => ({ label: b.shortName, value: b.passageProbability })),
        text: { reference: t('chart.reference'), axis: t('chart.axis') },
      }),
      blocking: renderBlockingChart({
        id: 'lab-blocking',
        title: t('chart.blocking', {
          org: orgName(r.organization).shortName,
          from: stage.from,
          hypothetical: stage.hypothetical ? 'yes' : 'no',
        }),
        members: stage.members,
        series: r.rules.map((rule, k) => ({
          label: label(t, rule),
          values: stage.outcomes[k]!.players.map((p) => p.blockingPower),
        })),
      }),
    };
  }, [r, stage, t, orgName]);

  const addCustom = () => {
    try {
      const rule = parseYaml(draft);
      if (rule === null || rule === undefined) throw new Error(t('custom.empty'));
      setCustom([
        ...custom,
        { label: draftLabel.trim() || t('custom.default', { n: custom.length + 1 }), rule },
      ]);
      setDraftError(null);
    } catch (e) {
      setDraftError((e as Error).message.split('\n')[0]!);
    }
  };

  return (
    <>
      <h1 tabIndex={-1}>{t('h1')}</h1>
      <div className="panel controls-row">
        <OrgSelect
          label={t('organization')}
          value={orgId}
          onChange={setOrgId}
          organizations={orgs.data?.organizations}
        />
        <fieldset>
          <legend>{t('compare')}</legend>
          {(named.data?.rules ?? [])
            .filter((x) => x.id !== 'consensus')
            .map((x) => (
              <label key={x.id} title={ruleDesc(x)}>
                <input
                  type="checkbox"
                  checked={rules.includes(x.id)}
                  onChange={(e) =>
                    setChosen(e.target.checked ? [...rules, x.id] : rules.filter((y) => y !== x.id))
                  }
                />{' '}
                {ruleLabel(x)}{' '}
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
            {t('add.label')}{' '}
            <input
              value={addText}
              onChange={(e) => setAddText(e.target.value)}
              placeholder={t('add.placeholder')}
              size={14}
            />
          </label>{' '}
          <button type="submit">{t('add.submit')}</button>
        </form>
      </div>
      <details className="panel">
        <summary>{t('custom.summary', { count: custom.length })}</summary>
        <div className="controls-row">
          <label>
            {t('custom.label')}{' '}
            <input value={draftLabel} onChange={(e) => setDraftLabel(e.target.value)} size={14} />
          </label>
          <label className="grow">
            {t('custom.rule')}{' '}
            <input value={draft} onChange={(e) => setDraft(e.target.value)} className="mono" size={50} />
          </label>
          <button type="button" onClick={addCustom}>
            {t('custom.add')}
          </button>
          {custom.length ? (
            <button type="button" onClick={() => setCustom([])}>
              {t('custom.remove')}
            </button>
          ) : null}
        </div>
        {draftError ? (
          <p className="error" role="alert">
            {t('custom.invalid', { error: draftError })}
          </p>
        ) : null}
        <p className="small muted">
          {rich(t('custom.examples', { a: '\u0000a\u0000', b: '\u0000b\u0000', c: '\u0000c\u0000' }), {
            a: <code>{RULE_EXAMPLES[0]}</code>,
            b: <code>{RULE_EXAMPLES[1]}</code>,
            c: <code>{RULE_EXAMPLES[2]}</code>,
          })}
        </p>
      </details>
      <ErrorNote error={error} />
      {r && charts && stage ? (
        <>
          <section className="panel" aria-labelledby="side-h">
            <h2 id="side-h">{t('side')}</h2>
            <TableBox className="scroll" label={t('side')}>
              <table className="capacity">
                <caption>
                  {rich(t('side.caption', { two: '\u0000two\u0000', loading: loading ? 'yes' : 'no' }), {
                    two: (
                      <>
                        2<sup>n</sup>
                      </>
                    ),
                  })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('col.stage')}</th>
                    <th scope="col">{t('col.members')}</th>
                    {r.rules.map((x) => (
                      <th key={x.id} scope="col" title={ruleDesc(x)}>
                        {ruleLabel(x)}
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
                          {s.hypothetical ? t('stage.hypothetical', { from: s.from }) : s.from}
                        </button>
                      </th>
                      <td>
                        {s.members.length}
                        {s.joined.length ? ` (+${s.joined.join(', ')})` : ''}
                        {s.left?.length ? ` (−${s.left.join(', ')})` : ''}
                      </td>
                      {s.outcomes.map((o) => (
                        <td key={o.rule} className="num" data-rule={o.rule}>
                          {passageCell(o.passageProbability, o.passageProbabilityFraction, n)}
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
                  <strong>{ruleLabel(x)}</strong>: {ruleDesc(x)}
                </li>
              ))}
            </ul>
          </section>
          <div className="grid-2 decision-grid">
            <section className="panel" aria-labelledby="passage-h">
              <h2 id="passage-h">{t('passage')}</h2>
              <SvgChart svg={charts.passage} />
              {rules.includes('majority') ? <p className="small muted">{t('parity')}</p> : null}
              <TableBox label={t('eu')}>
                <table>
                  <caption>{t('eu.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('col.council')}</th>
                      <th scope="col">{t('col.members')}</th>
                      <th scope="col">{t('col.passage')}</th>
                      <th scope="col">{t('col.literature')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.euReference.map((b) => (
                      <tr key={b.id}>
                        <td>{b.shortName}</td>
                        <td className="num">{n.number(b.players)}</td>
                        <td className="num">
                          {passageCell(b.passageProbability, b.passageProbabilityFraction, n)}
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
                {t('blocking', { from: stage.from, hypothetical: stage.hypothetical ? 'yes' : 'no' })}
              </h2>
              <SvgChart svg={charts.blocking} />
              <TableBox label={t('blocking.table')}>
                <table>
                  <caption>{t('blocking.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('col.member')}</th>
                      {r.rules.map((x) => (
                        <th key={x.id} scope="col">
                          {ruleLabel(x)}
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
                              {p.veto ? t('veto', { value: power(p.blockingPower) }) : power(p.blockingPower)}
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableBox>
              {stage.notes.length ? (
                <p className="small muted">
                  {stage.notes.map((x) => playersNoteIn(x, locale)).join(locale === 'zh-Hans' ? '；' : '; ')}
                </p>
              ) : null}
            </section>
          </div>
        </>
      ) : loading ? (
        <p>{t('computing')}</p>
      ) : null}
      <BlocsPanel orgId={orgId} rules={rules} add={add} />
      <ReformPanel orgId={orgId} />
      <QuotaPanel />
    </>
  );
}
