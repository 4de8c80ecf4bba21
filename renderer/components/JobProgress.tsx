import type { Progress } from '../../app/progress';
import { formatEta, percent } from '../format';

/** A running job: stage, bar, time left and the Cancel button. */
export function JobProgress({ progress, cancelling, onCancel }: { progress?: Progress; cancelling?: boolean; onCancel: () => void }) {
  const fraction = progress?.fraction ?? 0;
  return (
    <section className="card progress" data-testid="progress">
      <div className="progress-head">
        <span className="strong">{cancelling ? 'Cancelling…' : stageName(progress?.stage)}</span>
        <span className="muted">{[percent(fraction), formatEta(progress?.etaSeconds)].filter(Boolean).join(' · ')}</span>
        <button type="button" data-testid="cancel" onClick={onCancel} disabled={cancelling}>
          Cancel
        </button>
      </div>
      <div className="bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(fraction * 100)}>
        <div style={{ width: percent(fraction) }} />
      </div>
    </section>
  );
}

const STAGES: Record<string, string> = {
  starting: 'Starting',
  decode: 'Reading the video',
  analyse: 'Comparing frames',
  cluster: 'Choosing key frames',
  extract: 'Saving key frames',
  stylize: 'Drawing panels',
  export: 'Making the PDF',
  done: 'Finishing',
};

function stageName(stage: string | undefined): string {
  return (stage && STAGES[stage]) ?? (stage ? stage[0].toUpperCase() + stage.slice(1) : 'Starting');
}
