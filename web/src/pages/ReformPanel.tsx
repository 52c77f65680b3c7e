/**
 * The reform explorer on the Decision page: constraints are toggled (or written), and the rules of
 * the family that meet all of them are recomputed by POST /api/orgs/:id/reform (on the server's
 * worker pool; answers are cached, so toggling back is immediate). An infeasible set shows the
 * API's message, which names the smallest conflicting constraints.
 */
import { useEffect, useState } from 'react';
import { reform as reformMessages } from '../../../src/i18n/messages/reform/index.js';
import type { ReformResult } from '../../../src/power/reform.js';
import { reformRuleLabel } from '../../../src/power/reform-labels.js';
import { DEFAULT_REFORM_RANK, REFORM_RANKS, type ReformRank } from '../../../src/power/reform-ranks.js';
import { describeRule } from '../../../src/rules/evaluate.js';
import { ApiError, api } from '../api.js';
import { ErrorNote } from '../components/Notice.js';
import { TableBox } from '../components/TableBox.js';
import { useLatest } from '../hooks.js';
import { useLocale, useT } from '../i18n.js';

/** Constraints offered as toggles: general ones, and the SCO's blocs and largest members. */
function presets(orgId: string): string[] {
  const general = ['passage>=0.05', 'passage>=0.10', 'maxshare:banzhaf<=0.30'];
  if (orgId !== 'sco') return general;
  return [
    ...general,
    'veto:KAZ,KGZ,TJK,UZB',
    'bloc-veto:KAZ,KGZ,TJK,UZB',
    'cannot-pass-alone:CHN,RUS',
    'cannot-pass-alone:CHN,IND',
  ];
}

/** A constraint in the syntax of `concord reform --require`: code, the same in every language. */
const CONSTRAINT_EXAMPLE = 'cannot-pass-alone:CHN,RUS';
const SHOWN = 12;
const pct = (x: number | null) => (x === null ? '–' : `${(100 * x).toFixed(x < 0.01 ? 3 : 2)}%`);

export function ReformPanel({ orgId }: { orgId: string }) {
  const t = useT(reformMessages);
  const { locale } = useLocale();
  const [extra, setExtra] = useState<string[]>([]);
  const [draft, setDraft] = useState('');
  const [on, setOn] = useState<string[]>(orgId === 'sco' ? ['passage>=0.05', 'veto:KAZ,KGZ,TJK,UZB'] : []);
  const [rank, setRank] = useState<ReformRank>(DEFAULT_REFORM_RANK);
  const offered = [...presets(orgId), ...extra];
  const key = JSON.stringify([orgId, on, rank]);

  useEffect(() => {
    setOn(orgId === 'sco' ? ['passage>=0.05', 'veto:KAZ,KGZ,TJK,UZB'] : []);
    setExtra([]);
  }, [orgId]);

  const {
    data: result,
    error,
    loading,
  } = useLatest(
    () =>
      api<ReformResult>(`/api/orgs/${orgId}/reform`, {
        method: 'POST',
        // The SCO's Central Asian bloc always, so that toggling a veto does not change the family.
        body: {
          constraints: on,
          rank,
          ...(orgId === 'sco' ? { unions: [['KAZ', 'KGZ', 'TJK', 'UZB']] } : {}),
        },
      }),
    [key],
  );

  const r = result;
  const at = r ? r.stages.findIndex((s) => s.checked && !s.hypothetical) : -1;
  const met = (text: string) => r?.constraints.find((c) => c.text === text)?.satisfiedBy;

  return (
    <section className="panel" aria-labelledby="reform-h" data-testid="reform-panel" aria-busy={loading}>
      <h2 id="reform-h">{t('lab.title')}</h2>
      <p className="small">{t('lab.intro')}</p>
      <div className="controls-row">
        <fieldset>
          <legend>{t('lab.constraints')}</legend>
          {offered.map((c) => (
            <label key={c}>
              <input
                type="checkbox"
                data-constraint={c}
                checked={on.includes(c)}
                onChange={(e) => setOn(e.target.checked ? [...on, c] : on.filter((x) => x !== c))}
              />{' '}
              <code>{c}</code>
              {on.includes(c) && met(c) !== undefined && r ? (
                <span className="small muted">
                  {' '}
                  ({t('lab.met', { count: met(c)!, distinct: r.family.distinct })})
                </span>
              ) : null}{' '}
            </label>
          ))}
        </fieldset>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            const c = draft.trim();
            if (!c) return;
            if (!offered.includes(c)) setExtra([...extra, c]);
            if (!on.includes(c)) setOn([...on, c]);
            setDraft('');
          }}
        >
          <label>
            <span className="visually-hidden">{t('lab.constraints')}</span>
            <input
              type="text"
              value={draft}
              placeholder={CONSTRAINT_EXAMPLE}
              aria-label={t('lab.constraints')}
              onChange={(e) => setDraft(e.target.value)}
            />
          </label>{' '}
          <button type="submit">+</button>
        </form>
        <label>
          {t('lab.rankBy')}{' '}
          <select value={rank} onChange={(e) => setRank(e.target.value as ReformRank)}>
            {REFORM_RANKS.map((x) => (
              <option key={x} value={x}>
                {t(`rank.${x}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorNote error={error} />
      {error instanceof ApiError &&
      error.code === 'E_VALIDATION' &&
      /no rule of the family/.test(error.message) ? (
        <p role="status">{t('lab.conflict')}</p>
      ) : null}
      {loading && !r ? <p>{t('lab.computing')}</p> : null}
      {r ? (
        <>
          <p role="status" data-testid="reform-count">
            {t('lab.count', { count: r.rules.length, distinct: r.family.distinct })}
          </p>
          <TableBox label={t('lab.title')}>
            <table data-testid="reform-table">
              <thead>
                <tr>
                  <th scope="col">{t('col.rank')}</th>
                  <th scope="col">{t('col.rule')}</th>
                  {r.stages.map((s) => (
                    <th key={s.from + String(s.hypothetical)} scope="col" className="num">
                      {s.from.slice(0, 4)} ({s.members.length}){s.checked ? '*' : ''}
                    </th>
                  ))}
                  <th scope="col">{t('col.maxShare')}</th>
                  <th scope="col">{t('col.vetoes')}</th>
                </tr>
              </thead>
              <tbody>
                {r.rules.slice(0, SHOWN).map((x) => {
                  const f = x.stages[at]!;
                  return (
                    <tr key={x.id}>
                      <td className="num">{x.rank}</td>
                      <th scope="row" title={locale === 'en' ? x.description : describeRule(x.rule, locale)}>
                        {reformRuleLabel(t, x.parts)}
                      </th>
                      {x.stages.map((s, i) => (
                        <td key={r.stages[i]!.from + String(i)} className="num">
                          {pct(s.passageProbability)}
                        </td>
                      ))}
                      <td className="nowrap">
                        {f.maxShare ? `${f.maxShare.id} ${(100 * f.maxShare.banzhaf).toFixed(1)}%` : '–'}
                      </td>
                      <td className="small">
                        {f.vetoes.length === r.stages[at]!.members.length
                          ? t('vetoes.all')
                          : f.vetoes.join(' ') || t('vetoes.none')}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableBox>
        </>
      ) : null}
    </section>
  );
}
