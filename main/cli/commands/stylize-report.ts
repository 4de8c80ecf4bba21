import { relative } from 'node:path';
import type { ModelAttribution, ProcessFilesResult } from '../../services/stylize';
import type { CliIO } from '../command';
import type { FileReport, StylizePlan } from './stylize-plan';

const shownPath = (p: string) => {
  const r = relative(process.cwd(), p);
  return r.startsWith('..') ? p : r;
};

function line(r: ProcessFilesResult<FileReport>['files'][number], mode: StylizePlan['mode']): string {
  const parts = [shownPath(r.output), `${r.width}x${r.height}`];
  const processed = r.processedWidth !== undefined && r.processedHeight !== undefined;
  if (processed && (r.processedWidth !== r.width || r.processedHeight !== r.height)) parts[1] += ` (at ${r.processedWidth}x${r.processedHeight})`;
  if (mode !== 'style') parts.push(r.people === 1 ? '1 person' : `${r.people} people`);
  if (r.batches !== undefined) parts.push(`${r.batches} mini-batch${r.batches === 1 ? '' : 'es'}`);
  if (r.tiles !== undefined) parts.push(`${r.tiles} tile${r.tiles > 1 ? 's' : ''}`);
  parts.push(`${r.ms.toFixed(0)} ms`);
  return parts.join('  ');
}

/** The results on stdout (a line per file, or JSON), then the failures on stderr. Returns the exit code. */
export function reportStylize(io: CliIO, plan: StylizePlan, result: ProcessFilesResult<FileReport>, opts: { json?: boolean; out: string; inputs: number; attribution: ModelAttribution; creditsFile?: string }): number {
  const { files, failures } = result;
  const ran = files.find((f) => f.provider);
  if (ran) io.stderr.write(`model${plan.models.length > 1 ? 's' : ''} ${plan.models.map((m) => m.id).join(' + ')} ran on ${ran.provider!.toUpperCase()}${ran.fallback ? ` (fallback: ${ran.fallback})` : ''}\n`);
  if (opts.json) {
    const style = plan.models.find((m) => m.id === plan.roles.style);
    const json = {
      mode: plan.mode,
      ...(style ? { model: style.id, file: style.file } : {}),
      models: plan.roles,
      provider: ran?.provider,
      fallback: ran?.fallback,
      files: files.map((f) => ({ ...f, ms: Math.round(f.ms) })),
      failures,
      ...(opts.attribution.credits.length || opts.attribution.nonCommercial.length ? { attribution: { ...opts.attribution, file: opts.creditsFile } } : {}),
    };
    io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    for (const f of files) io.stdout.write(`${line(f, plan.mode)}\n`);
  }
  const none = files.filter((f) => f.people === 0).map((f) => shownPath(f.input));
  if (none.length && plan.mode !== 'style') {
    const what = plan.roles.segmenter ? 'no person found' : 'the masks are empty';
    io.stderr.write(`note: ${what} in ${none.join(', ')}: ${plan.mode === 'instagan' ? 'left unchanged' : 'the background style covers the whole picture'}\n`);
  }
  const restricted = new Map([...opts.attribution.credits, ...opts.attribution.nonCommercial].map((c) => [c.id, c]));
  for (const c of restricted.values()) io.stderr.write(`licence: ${c.name}: ${c.licence}${c.commercialUse ? '' : ' (NOT for commercial use)'}\n`);
  if (opts.creditsFile) io.stderr.write(`credits: ${shownPath(opts.creditsFile)} (keep it with the pictures)\n`);
  // Failures last, after the work that did succeed, so they are what the user sees at the end.
  for (const f of failures) io.stderr.write(`failed: ${f.error}\n`);
  if (!failures.length) return 0;
  io.stderr.write(`your-cartoon stylize: ${failures.length} of ${opts.inputs} image${opts.inputs > 1 ? 's' : ''} failed; ${files.length} written to ${opts.out}\n`);
  return 1;
}
