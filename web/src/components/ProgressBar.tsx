import { labRuns } from '../../../src/i18n/messages/lab-runs/index.js';
import { useFormat, useT } from '../i18n.js';
import type { Progress } from '../types.js';

/** A run's progress: an accessible progress bar with the counts in words. */
export function ProgressBar({ progress: p }: { progress: Progress }) {
  const t = useT(labRuns);
  const n = useFormat();
  const pct = n.percent(Math.round(p.fraction * 1000) / 1000, 1).replace(/[.,]0(?=\D*$)/, '');
  return (
    <div className="progress">
      <progress
        max={p.total}
        value={p.replicatesDone}
        aria-label={t('progress.label')}
        aria-valuetext={pct}
      />
      <span className="small">
        {t('progress.text', {
          done: n.number(p.replicatesDone, 0),
          total: n.number(p.total, 0),
          pct,
          batch: p.batchesDone,
          batches: p.batches,
          active: p.active ? 'yes' : 'no',
        })}
      </span>
    </div>
  );
}
