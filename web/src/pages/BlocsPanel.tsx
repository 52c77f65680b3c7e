/**
 * Blocs on the Decision page: how a priori unions (`?unions=` of GET /api/orgs/:id/capacity) change
 * power at the latest stage — each member's normalized Banzhaf index beside its Banzhaf–Owen index,
 * and each bloc's Banzhaf index and veto in the quotient game, under the rules compared above.
 */
import { useEffect, useState } from 'react';
import { labDecision } from '../../../src/i18n/messages/lab-decision/index.js';
import { reform as reformMessages } from '../../../src/i18n/messages/reform/index.js';
import type { CapacityResult } from '../../../src/power/capacity.js';
import { api } from '../api.js';
import { ErrorNote } from '../components/Notice.js';
import { TableBox } from '../components/TableBox.js';
import { useLatest } from '../hooks.js';
import { useT } from '../i18n.js';
import { ruleLabel } from '../ruleName.js';

const DEFAULT_SCO = 'KAZ,KGZ,TJK,UZB;CHN,RUS';

export function BlocsPanel({ orgId, rules, add }: { orgId: string; rules: string[]; add: string[] }) {
  const t = useT(reformMessages);
  const td = useT(labDecision);
  const [text, setText] = useState(orgId === 'sco' ? DEFAULT_SCO : '');
  const [unions, setUnions] = useState(orgId === 'sco' ? DEFAULT_SCO : '');
  const key = JSON.stringify([orgId, rules, add, unions]);

  useEffect(() => {
    const d = orgId === 'sco' ? DEFAULT_SCO : '';
    setText(d);
    setUnions(d);
  }, [orgId]);

  const q = new URLSearchParams({
    rules: rules.join(','),
    eu: 'false',
    unions,
    ...(add.length ? { add: add.join(',') } : {}),
  });
  const { data: result, error } = useLatest(
    unions ? () => api<CapacityResult>(`/api/orgs/${orgId}/capacity?${q}`) : null,
    [key],
  );

  const stage = result ? result.stages[result.stages.length - 1]! : null;
  const unionRows =
    stage?.outcomes.find((o) => o.blocs)?.blocs?.unions.filter((u) => u.members.length > 1) ?? [];
  return (
    <section className="panel" aria-labelledby="blocs-h" data-testid="blocs-panel">
      <h2 id="blocs-h">{t('lab.blocs.title')}</h2>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          setUnions(text.replace(/\s+/g, '').toUpperCase());
        }}
      >
        <label>
          {t('lab.blocs.input')}{' '}
          <input
            type="text"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={DEFAULT_SCO}
          />
        </label>{' '}
        <button type="submit">{t('lab.blocs.apply')}</button>
      </form>
      <ErrorNote error={error} />
      {result && stage ? (
        <>
          <TableBox label={t('lab.blocs.title')}>
            <table data-testid="blocs-members">
              <caption>{t('blocs.heading', { date: stage.from })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('blocs.member')}</th>
                  {result.rules.map((x) => (
                    <th key={x.id} scope="col">
                      {ruleLabel(td, x)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {stage.members.map((m, i) => (
                  <tr key={m}>
                    <th scope="row">{m}</th>
                    {stage.outcomes.map((o) => {
                      const b = o.blocs?.players.find((p) => p.id === m);
                      const total = o.players.reduce((a, p) => a + p.penrose, 0);
                      const plain = total > 0 ? o.players[i]!.penrose / total : 0;
                      return (
                        <td key={o.rule} className="num nowrap">
                          {b ? `${plain.toFixed(3)} → ${b.banzhafOwenNormalized.toFixed(3)}` : '–'}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
          <TableBox label={t('blocs.unions')}>
            <table data-testid="blocs-unions">
              <caption>{t('blocs.unions')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('blocs.bloc')}</th>
                  {result.rules.map((x) => (
                    <th key={x.id} scope="col">
                      {ruleLabel(td, x)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {unionRows.map((u) => (
                  <tr key={u.members.join()}>
                    <th scope="row">{u.members.join(', ')}</th>
                    {stage.outcomes.map((o) => {
                      const q = o.blocs?.unions.find((x) => x.members.join() === u.members.join());
                      return (
                        <td key={o.rule} className="num nowrap">
                          {q ? `${q.banzhaf.toFixed(3)}${q.veto ? ` ${t('blocs.veto')}` : ''}` : '–'}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
        </>
      ) : null}
    </section>
  );
}
