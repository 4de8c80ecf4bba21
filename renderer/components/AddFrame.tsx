import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Shot } from '../../app/keyframes';
import { formatTime } from '../format';

/** Picks a moment of a shot with a slider and adds its frame as a key frame ("Add a frame" → slider → Add). */
export function AddFrame({ shot, fps, onAdd }: { shot: Shot; fps: number; onAdd: (time: number) => Promise<void> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [time, setTime] = useState((shot.startTime + shot.endTime) / 2);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  if (!open) {
    return (
      <button type="button" className="link add-frame" data-testid="add-frame" onClick={() => setOpen(true)}>
        {t('review.addFrame')}
      </button>
    );
  }
  const add = async () => {
    setBusy(true);
    setError('');
    try {
      await onAdd(time);
      setOpen(false);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="add-frame-picker" data-testid="add-frame-picker">
      <input
        type="range"
        data-testid="add-frame-time"
        min={shot.startTime}
        max={Math.max(shot.startTime, shot.endTime - 1 / fps)}
        step={1 / fps}
        value={time}
        onChange={(e) => setTime(Number(e.target.value))}
        aria-label={t('review.moment', { n: shot.index + 1 })}
      />
      <button type="button" className="primary" data-testid="add-frame-confirm" onClick={add} disabled={busy}>
        {t('review.addAt', { time: formatTime(time) })}
      </button>
      <button type="button" className="link" onClick={() => setOpen(false)} disabled={busy}>
        {t('review.close')}
      </button>
      {error ? <p className="note bad">{error}</p> : null}
    </div>
  );
}
