import { estimateEta, type Progress, type ProgressListener } from '../../app/progress';
import type { CliIO } from './command';

/** Pure: the one line a progress report is drawn as, fitted to `columns`. */
export function formatProgressLine(p: Progress, columns: number): string {
  const fraction = p.fraction ?? (p.total ? p.done / p.total : undefined);
  const counts = p.total ? `${p.done}/${p.total}` : `${p.done}`;
  const eta = p.etaSeconds !== undefined && Number.isFinite(p.etaSeconds) ? ` ETA ${formatDuration(p.etaSeconds)}` : '';
  const pct = fraction !== undefined ? ` ${(fraction * 100).toFixed(0).padStart(3)}%` : '';
  const tail = `${pct} ${counts}${eta}${p.message ? ` ${p.message}` : ''}`;
  const head = `${p.stage.padEnd(9)} `;
  const barWidth = Math.max(0, Math.min(40, columns - head.length - tail.length - 2));
  if (fraction === undefined || barWidth < 5) return (head + tail.trimStart()).slice(0, columns);
  const filled = Math.round(Math.max(0, Math.min(1, fraction)) * barWidth);
  return `${head}[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}]${tail}`.slice(0, columns);
}

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60);
  return m > 0 ? `${m}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/**
 * A progress listener for the terminal: a live bar redrawn in place when stderr is a TTY, else a plain line at
 * most every few seconds (logs stay readable), where each stage's last report is written before the next stage's
 * first and at the end, so a log never stops at "0% 0/6" for work that finished. `done()` ends the output.
 */
export function createProgressBar(io: CliIO, intervalMs = io.interactive ? 100 : 5000, clock: () => number = Date.now) {
  let last = 0;
  let lastStage = '';
  let drawn = false;
  // A report not written yet (logs only): flushed when the stage changes or the command ends.
  let pending: string | undefined;
  // The ETA's clock starts again when the fraction does: one command may run several jobs (comic: key frames,
  // panels, PDF), each reporting its own 0..1.
  let startedAt = clock();
  let lastFraction = 0;
  const columns = () => (io.stderr as NodeJS.WriteStream).columns ?? 100;
  const flush = () => {
    if (pending !== undefined) io.stderr.write(`${pending}\n`);
    pending = undefined;
  };
  const listener: ProgressListener = (p) => {
    const now = clock();
    if (p.fraction !== undefined) {
      if (p.fraction < lastFraction - 0.01) startedAt = now;
      lastFraction = p.fraction;
    }
    const line = formatProgressLine({ ...p, etaSeconds: estimateEta(p, (now - startedAt) / 1000) }, columns() - 1);
    if (now - last < intervalMs && p.stage === lastStage) {
      if (!io.interactive) pending = line;
      return;
    }
    if (!io.interactive && p.stage !== lastStage) flush();
    last = now;
    lastStage = p.stage;
    pending = undefined;
    if (io.interactive) {
      io.stderr.write(`\r\x1b[2K${line}`);
      drawn = true;
    } else {
      io.stderr.write(`${line}\n`);
    }
  };
  return {
    listener,
    done() {
      flush();
      if (drawn) io.stderr.write('\r\x1b[2K');
      drawn = false;
    },
  };
}
