/**
 * Power against the quota on the Decision page: a shipped weighted game (the EEC Council of 1958,
 * the EU-27 Council under Nice by its votes criterion), the passage probability and each weight
 * class's index at every quota, from POST /api/power/quota (the worker pool; answers cached). The
 * chart is the report's (src/report/charts/quota.ts), with the square-root optimal quota, the
 * game's own quota and the jumps marked; the table and the CSV give the same figures.
 */
import { useEffect, useMemo, useState } from 'react';
import { labQuota } from '../../../src/i18n/messages/lab-quota/index.js';
import { QUOTA_INDICES, type QuotaIndex, type QuotaSweep } from '../../../src/power/quota.js';
import { renderQuotaChart } from '../../../src/report/charts/quota.js';
import { api } from '../api.js';
import { useLatest } from '../hooks.js';
import { currentLocale, useFormat, useT } from '../i18n.js';
import { ErrorNote } from './Notice.js';
import { SvgChart } from './SvgChart.js';
import { TableBox } from './TableBox.js';

interface QuotaAnswer extends QuotaSweep {
  game: string;
  unit: string;
  ownQuota: number | null;
}

/** The shipped games with one summed criterion (or one named criterion of several). */
const GAMES = [
  { id: 'eec-1958', query: 'game=eec-1958' },
  { id: 'eu27-nice', query: 'game=eu27-nice&criterion=votes' },
] as const;
type GameId = (typeof GAMES)[number]['id'];

const FIELD = {
  penrose: 'penrose',
  banzhaf: 'banzhaf',
  'shapley-shubik': 'shapleyShubik',
  'coleman-prevent': 'colemanPrevent',
  'coleman-initiate': 'colemanInitiate',
} as const satisfies Record<QuotaIndex, string>;

export function QuotaPanel() {
  const t = useT(labQuota);
  const f = useFormat();
  const [gameId, setGameId] = useState<GameId>('eec-1958');
  const [index, setIndex] = useState<QuotaIndex>('banzhaf');
  const [csv, setCsv] = useState<string | null>(null);
  const url = `/api/power/quota?${GAMES.find((g) => g.id === gameId)!.query}&index=${index}`;

  const { data: result, error, loading } = useLatest(() => api<QuotaAnswer>(url, { method: 'POST' }), [url]);
  useEffect(() => {
    let stale = false;
    setCsv(null);
    fetch(`${url}&format=csv`, {
      method: 'POST',
      headers: { accept: 'text/csv', 'accept-language': currentLocale() },
    })
      .then((r) => (r.ok ? r.text() : null))
      .then((text) => !stale && setCsv(text))
      .catch(() => {});
    return () => {
      stale = true;
    };
  }, [url]);

  const r = result?.indices.includes(index) ? result : null;
  // Players of equal weight have equal power: one line (and one column) per weight class.
  const classes = useMemo(() => {
    if (!r) return [];
    const by = new Map<number, number[]>();
    r.weights.forEach((w, i) => {
      by.set(w, [...(by.get(w) ?? []), i]);
    });
    return [...by.entries()].sort((a, b) => b[0] - a[0]);
  }, [r]);
  const svg = useMemo(() => {
    if (!r) return null;
    const optimal = f.percent(r.squareRootQuota.relative, 1);
    return renderQuotaChart({
      id: `lab-quota-${gameId}-${index}`,
      title: t('chartTitle', { game: t(`game.${gameId}`), index: t(`index.${index}`) }),
      sweep: r,
      ownQuota: r.ownQuota,
      index: FIELD[index],
      jumps: true,
      labels: {
        passage: t('passage'),
        yLabel: t('yLabel'),
        squareRoot: t('squareRoot', { optimal }),
        own: t('own', { quota: r.ownQuota === null ? '' : f.number(r.ownQuota, 0) }),
        jumps: t('jumps'),
      },
    });
  }, [r, gameId, index, t, f]);

  return (
    <section className="panel" aria-labelledby="quota-h" data-testid="quota-panel" aria-busy={loading}>
      <h2 id="quota-h">{t('title')}</h2>
      <p className="small">{t('intro')}</p>
      <div className="controls-row">
        <label>
          {t('game')}{' '}
          <select
            value={gameId}
            data-testid="quota-game"
            onChange={(e) => setGameId(e.target.value as GameId)}
          >
            {GAMES.map((g) => (
              <option key={g.id} value={g.id}>
                {t(`game.${g.id}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('index')}{' '}
          <select
            value={index}
            data-testid="quota-index"
            onChange={(e) => setIndex(e.target.value as QuotaIndex)}
          >
            {QUOTA_INDICES.map((x) => (
              <option key={x} value={x}>
                {t(`index.${x}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorNote error={error} />
      {loading && !r ? <p>{t('computing')}</p> : null}
      {r && svg ? (
        <>
          <p role="status" data-testid="quota-summary">
            {t('summary', {
              players: r.n,
              total: f.number(r.total, 0),
              unit: r.unit,
              own: r.ownQuota === null ? t('noOwn') : f.number(r.ownQuota, 0),
              optimal: f.percent(r.squareRootQuota.relative, 2),
              quota: f.number(r.squareRootQuota.quota, 0),
              jumps: f.number(r.jumps.length, 0),
            })}
          </p>
          <div data-testid="quota-chart">
            <SvgChart svg={svg} name={`quota-${gameId}-${index}`} csv={csv} />
          </div>
          <TableBox className="scroll" label={t('table')}>
            <table data-testid="quota-table">
              <caption>{t('caption', { index: t(`index.${index}`) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('col.quota')}</th>
                  <th scope="col">{t('col.passage')}</th>
                  {classes.map(([w, members]) => (
                    <th key={w} scope="col">
                      {t('class', {
                        members: f.list(members.map((i) => r.quotas[0]!.players[i]!.id)),
                        weight: f.number(w, 0),
                      })}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {r.quotas.map((q) => (
                  <tr key={q.quota}>
                    <th scope="row" className="num">
                      {f.number(q.quota, 0)}
                      {q.quota === r.squareRootQuota.quota ? ' *' : ''}
                      {q.quota === r.ownQuota ? ' =' : ''}
                      {q.jump ? ' ^' : ''}
                    </th>
                    <td className="num">{f.percent(q.passageProbability, 2)}</td>
                    {classes.map(([w, members]) => {
                      const v = q.players[members[0]!]![FIELD[index]];
                      return (
                        <td key={w} className="num">
                          {typeof v === 'number' ? f.fixed(100 * v, 2) : '–'}
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
