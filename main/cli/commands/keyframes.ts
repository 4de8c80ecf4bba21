import { DEFAULT_ANALYSIS_PARAMS, type AnalysisParams, type DroppedKeyFrame, type ShotBoundary } from '../../../app/keyframes';
import { AnalysisParamsError, KernelInputError, validateAnalysisParams } from '../../services/keyframes';
import { checkFeatureParams } from '../../services/keyframes/features/validate';
import { runKeyframesJob } from '../../services/keyframes/keyframes-job';
import { locateFfmpeg } from '../../services/video';
import { numberOption, parseCommandLine } from '../args';
import { UsageError, type CliCommand, type CliIO } from '../command';
import { createProgressBar } from '../progress-bar';

const usage = `Usage: your-cartoon keyframes VIDEO --out DIR [options]

Finds the shots of VIDEO and the key frames that best represent each shot; writes DIR/keyframes.json and one
image per key frame (full resolution).

Options:
  --out DIR              output folder (created if needed)
  --delta X              clustering threshold δ, 0..1: higher gives more key frames (default ${DEFAULT_ANALYSIS_PARAMS.delta})
  --min-cluster F        drop clusters smaller than this fraction of their shot (default ${DEFAULT_ANALYSIS_PARAMS.minClusterFraction})
  --duplicate S          drop a key frame more similar than S to one kept earlier (default ${DEFAULT_ANALYSIS_PARAMS.duplicateSimilarity})
  --min-shot SECONDS     shortest shot (default ${DEFAULT_ANALYSIS_PARAMS.minShotSeconds})
  --width PX             analysis width (default ${DEFAULT_ANALYSIS_PARAMS.analysisWidth})
  --set NAME=VALUE       any other analysis parameter (the names of keyframes.json "params"); repeatable.
                         hsvBins.h=16 (also .s, .v); glcmOffsets=1:0,0:1,1:1,-1:1 (dx:dy pairs)
  --format jpeg|png      key-frame image format (default jpeg)
  --quality Q            JPEG quality 1..100 (default 92)
  --max-width PX         shrink key-frame images wider than this
  --json                 print keyframes.json to stdout instead of a summary
  --explain              say why each shot boundary was taken (the signal, its value, the threshold and the other
                         checks) and why each dropped key frame was dropped (the kept one it repeats) on stderr,
                         and write it into keyframes.json ("explain")
`;

/**
 * One line per boundary: where, what kind, the deciding signal against its threshold, then the other checks; then one
 * line per key frame the mutual comparison dropped: the kept one it repeats and the test that said so.
 */
export function explainLines(
  boundaries: ReadonlyArray<ShotBoundary>,
  duplicates: ReadonlyArray<DroppedKeyFrame> = [],
): string[] {
  const num = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(3));
  const dropped = duplicates.map((d) => {
    const what = `key frame ${d.frame} (${d.time.toFixed(2)} s, shot ${d.shot}) dropped: repeats frame ${d.duplicateOf.frame} (shot ${d.duplicateOf.shot})`;
    return d.reason === 'same picture'
      ? `${what}: same picture, new content ${num(d.newShare ?? 0)} ≤ threshold ${num(d.threshold)} (similarity ${num(d.similarity)})`
      : `${what}: similarity ${num(d.similarity)} > threshold ${num(d.threshold)}`;
  });
  return boundaries.map((b) => {
    const checks = Object.entries(b.checks).map(([k, v]) => `${k} ${num(v)}`).join(', ');
    return `boundary at frame ${b.frame} (${b.time.toFixed(2)} s): ${b.kind}: ${b.signal} ${num(b.value)} ≥ threshold ${num(b.threshold)}` +
      (checks ? ` (${checks})` : '');
  }).concat(dropped);
}

/** "1:0,0:1" → [[1, 0], [0, 1]]; the kernels check the range. */
function parseOffsets(value: string): Array<[number, number]> {
  return value.split(',').map((pair) => {
    const m = /^\s*(-?\d+):(-?\d+)\s*$/.exec(pair);
    if (!m) throw new UsageError(`--set glcmOffsets: "${value}" is not a list of dx:dy pairs (e.g. 1:0,0:1)`);
    return [Number(m[1]), Number(m[2])];
  });
}

/**
 * Applies --set NAME=VALUE to AnalysisParams: its numeric fields, hsvBins.h/.s/.v and glcmOffsets (DESIGN: bins,
 * levels and offsets are configurable), then checks every range so a bad value is a usage error like a bad flag.
 */
export function applySettings(params: AnalysisParams, settings: string[]): AnalysisParams {
  const out = { ...params, hsvBins: { ...params.hsvBins } } as Record<string, unknown>;
  for (const s of settings) {
    const m = /^([A-Za-z]+(?:\.[hsv])?)=(.+)$/.exec(s);
    if (!m) throw new UsageError(`--set expects NAME=VALUE (got "${s}")`);
    const [, name, value] = m;
    if (name === 'glcmOffsets') {
      out.glcmOffsets = parseOffsets(value);
      continue;
    }
    const [field, axis] = name.split('.') as [string, 'h' | 's' | 'v' | undefined];
    const target = (field === 'hsvBins' && axis ? out.hsvBins : out) as Record<string, unknown>;
    const key = axis ?? field;
    if (typeof target[key] !== 'number') {
      const names = Object.keys(out).filter((k) => typeof out[k] === 'number');
      throw new UsageError(`--set: unknown parameter "${name}"; one of: ${names.join(', ')}, hsvBins.h, hsvBins.s, hsvBins.v, glcmOffsets`);
    }
    const n = Number(value);
    if (!Number.isFinite(n)) throw new UsageError(`--set ${name}: "${value}" is not a number`);
    target[key] = n;
  }
  const result = out as unknown as AnalysisParams;
  try {
    validateAnalysisParams(result);
    checkFeatureParams(result);
  } catch (err) {
    if (err instanceof AnalysisParamsError || err instanceof KernelInputError) throw new UsageError(err.message);
    throw err;
  }
  return result;
}

async function run(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, {
    out: { type: 'string' },
    delta: { type: 'string' },
    'min-cluster': { type: 'string' },
    duplicate: { type: 'string' },
    'min-shot': { type: 'string' },
    width: { type: 'string' },
    set: { type: 'string', multiple: true },
    format: { type: 'string' },
    quality: { type: 'string' },
    'max-width': { type: 'string' },
    json: { type: 'boolean' },
    explain: { type: 'boolean' },
  });
  if (positionals.length !== 1) throw new UsageError('give exactly one VIDEO');
  if (!values.out) throw new UsageError('--out DIR is required');
  const format = values.format ?? 'jpeg';
  if (format !== 'jpeg' && format !== 'png') throw new UsageError('--format must be jpeg or png');
  let params: AnalysisParams = { ...DEFAULT_ANALYSIS_PARAMS };
  const set = <K extends keyof AnalysisParams>(k: K, v: AnalysisParams[K] | undefined) => {
    if (v !== undefined) params[k] = v;
  };
  set('delta', numberOption(values.delta, 'delta', 0, 1));
  set('minClusterFraction', numberOption(values['min-cluster'], 'min-cluster', 0, 1));
  set('duplicateSimilarity', numberOption(values.duplicate, 'duplicate', 0, 1));
  set('minShotSeconds', numberOption(values['min-shot'], 'min-shot', 0, 60));
  set('analysisWidth', numberOption(values.width, 'width', 32, 1920));
  params = applySettings(params, values.set ?? []);
  const quality = numberOption(values.quality, 'quality', 1, 100);
  const maxWidth = numberOption(values['max-width'], 'max-width', 16, 65536);

  const ffmpeg = locateFfmpeg();
  if (!values.json) io.stderr.write(`ffmpeg: ${ffmpeg.path} (${ffmpeg.source}, version ${ffmpeg.version})\n`);
  const bar = createProgressBar(io);
  let doc;
  try {
    doc = await runKeyframesJob(
      positionals[0],
      { params, outDir: values.out, format, quality, maxWidth, explain: values.explain === true },
      { signal: io.signal, onProgress: bar.listener },
    );
  } finally {
    bar.done();
  }
  if (values.explain) {
    for (const line of explainLines(doc.explain?.boundaries ?? [], doc.explain?.duplicates)) io.stderr.write(`${line}\n`);
  }
  if (values.json) {
    io.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
    return 0;
  }
  const v = doc.video;
  const t = doc.timing;
  io.stdout.write(
    [
      `video: ${v.path}: ${v.width}x${v.height}, ${v.fps.toFixed(3)} fps, ${v.frameCount} frames, ${v.duration.toFixed(2)} s`,
      `kernels: ${doc.kernels}`,
      `shots: ${doc.shots.length}   key frames: ${doc.keyframes.length}`,
      `time: ${t.totalSeconds.toFixed(2)} s (decode wait ${t.decodeSeconds.toFixed(2)} s, analysis ${t.analysisSeconds.toFixed(2)} s, ` +
        `extract ${t.extractSeconds.toFixed(2)} s)`,
      ...(doc.pictures
        ? [`pictures: ${doc.pictures.fromAnalysis} from the analysis pass, ${doc.pictures.decodedAgain} decoded again${doc.pictures.reason ? ` (${doc.pictures.reason})` : ''}`]
        : []),
      ...doc.warnings.map((w) => `warning: ${w}`),
      `wrote ${values.out}/keyframes.json and ${doc.keyframes.length} images`,
      '',
    ].join('\n'),
  );
  return 0;
}

export const keyframesCommand: CliCommand = {
  name: 'keyframes',
  summary: 'find the shots and key frames of a video (writes keyframes.json + images)',
  usage,
  run,
};
