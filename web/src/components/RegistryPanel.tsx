/**
 * Registered forecasts of the token's workspace (`concord forecast FILE --register`), newest first,
 * with their scores once scored (`concord registry score`). Needs a workspace token.
 */
import { MODEL_TITLES } from '../../../src/bargaining/forecast.js';
import { labRuns } from '../../../src/i18n/messages/lab-runs/index.js';
import { labSweeps } from '../../../src/i18n/messages/lab-sweeps/index.js';
import { useLab } from '../context.js';
import { useApi } from '../hooks.js';
import { rich, useFormat, useT } from '../i18n.js';
import { bestModel, type RegistryEntry, scoreCells } from '../registry.js';
import { ErrorNote } from './Notice.js';
import { TableBox } from './TableBox.js';

export function RegistryPanel() {
  const { workspace } = useLab();
  const t = useT(labRuns);
  const tm = useT(labSweeps);
  const n = useFormat();
  const reg = useApi<{ forecasts: RegistryEntry[] }>(workspace ? '/api/registry' : null, [workspace]);
  if (!workspace) return <p className="muted">{t('registry.needsToken')}</p>;
  const list = reg.data?.forecasts ?? [];
  return (
    <>
      <ErrorNote error={reg.error} />
      <p className="muted small">
        {rich(t('registry.help', { register: '\u0000register\u0000', score: '\u0000score\u0000' }), {
          register: <code>concord forecast FILE --register</code>,
          score: <code>concord registry score</code>,
        })}
      </p>
      <button type="button" onClick={reg.reload}>
        {t('refresh')}
      </button>
      {reg.data && list.length === 0 ? <p>{t('registry.none')}</p> : null}
      {list.length ? (
        <TableBox className="scroll" label={t('registry')}>
          <table data-testid="registry">
            <caption className="sr-only">{t('registry.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('registry.registered')}</th>
                <th scope="col">{t('registry.scenario')}</th>
                <th scope="col">{t('registry.version')}</th>
                <th scope="col">{t('registry.score')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((e) => {
                const cells = scoreCells(e, t, n);
                const best = bestModel(e);
                return (
                  <tr key={e.id} data-testid={`registry-${e.id}`}>
                    <td>
                      {e.createdAt.slice(0, 16).replace('T', ' ')}
                      <br />
                      <span className="muted small">{e.id.slice(0, 8)}</span>
                    </td>
                    <td>
                      {e.forecast?.scenario.title ?? e.scenarioId}
                      <br />
                      <span className="muted small">
                        {e.file.split(/[\\/]/).pop()} · sha256 {e.scenarioHash.slice(0, 12)}
                      </span>
                    </td>
                    <td className="small">{e.codeVersion}</td>
                    <td className="small">
                      {e.score ? (
                        <>
                          {t('registry.scored', { scored: e.score.issuesScored, issues: e.score.issues })}
                          {e.scoredAt ? ` (${e.scoredAt.slice(0, 10)})` : ''}
                          <ul className="plain">
                            {cells.map((c) => (
                              <li key={c.model}>
                                {c.model === best ? (
                                  <strong>{tm.or(`modelTitle.${c.model}`, MODEL_TITLES[c.model])}</strong>
                                ) : (
                                  tm.or(`modelTitle.${c.model}`, MODEL_TITLES[c.model])
                                )}
                                : {c.text}
                              </li>
                            ))}
                          </ul>
                        </>
                      ) : (
                        t('registry.notScored')
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableBox>
      ) : null}
    </>
  );
}
