import type { Progress } from '../types.js';

/** A run's progress: an accessible progress bar with the counts in words. */
export function ProgressBar({ progress: p }: { progress: Progress }) {
  const pct = Math.round(p.fraction * 1000) / 10;
  return (
    <div className="progress">
      <progress
        max={p.total}
        value={p.replicatesDone}
        aria-label="Progress of the run"
        aria-valuetext={`${pct}%`}
      />
      <span className="small">
        {p.replicatesDone.toLocaleString('en-US')} of {p.total.toLocaleString('en-US')} replicates ({pct}%),
        batch {p.batchesDone}/{p.batches}
        {p.active ? ', executing' : ''}
      </span>
    </div>
  );
}
