/**
 * Registered forecasts of the token's workspace (`concord forecast FILE --register`), newest first,
 * with their scores once scored (`concord registry score`). Needs a workspace token.
 */
import { MODEL_TITLES } from '../../../src/bargaining/forecast.js';
import { useLab } from '../context.js';
import { useApi } from '../hooks.js';
import { bestModel, type RegistryEntry, scoreCells } from '../registry.js';
import { ErrorNote } from './Notice.js';
import { TableBox } from './TableBox.js';

export function RegistryPanel() {
  const { workspace } = useLab();
  const reg = useApi<{ forecasts: RegistryEntry[] }>(workspace ? '/api/registry' : null, [workspace]);
  if (!workspace)
    return <p className="muted">Give a workspace token (top right) to see its registered forecasts.</p>;
  const list = reg.data?.forecasts ?? [];
  return (
    <>
      <ErrorNote error={reg.error} />
      <p className="muted small">
        Register a forecast before the decision with <code>concord forecast FILE --register</code>; once the
        scenario file has its outcome, <code>concord registry score</code> scores it (a forecast whose
        scenario changed since is refused).
      </p>
      <button type="button" onClick={reg.reload}>
        Refresh
      </button>
      {reg.data && list.length === 0 ? <p>No registered forecasts in this workspace yet.</p> : null}
      {list.length ? (
        <TableBox className="scroll" label="Registered forecasts">
          <table data-testid="registry">
            <caption className="sr-only">Registered forecasts and their scores</caption>
            <thead>
              <tr>
                <th scope="col">Registered</th>
                <th scope="col">Scenario</th>
                <th scope="col">Version</th>
                <th scope="col">Score</th>
              </tr>
            </thead>
            <tbody>
              {list.map((e) => {
                const cells = scoreCells(e);
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
                          {e.score.issuesScored} of {e.score.issues} issues scored
                          {e.scoredAt ? ` (${e.scoredAt.slice(0, 10)})` : ''}
                          <ul className="plain">
                            {cells.map((c) => (
                              <li key={c.model}>
                                {c.model === best ? (
                                  <strong>{MODEL_TITLES[c.model]}</strong>
                                ) : (
                                  MODEL_TITLES[c.model]
                                )}
                                : {c.text}
                              </li>
                            ))}
                          </ul>
                        </>
                      ) : (
                        'not scored yet'
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
