import { mkdir, readdir, readFile, rename, rmdir } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { keyframeThumbFile, type AnalysisParams, type KeyframesDocument } from '../../../app/keyframes';
import type { FoundSoFar, JobContext, Progress } from '../../../app/progress';
import { cleanStaleTemps, StagedFiles, writeFileAtomic } from '../store';
import { extractFrames, locateFfmpeg } from '../video';
import { analyzeVideo } from './analyze';

export interface KeyframesJobOptions {
  params: AnalysisParams;
  outDir: string;
  format?: 'jpeg' | 'png';
  /** JPEG quality 1..100. */
  quality?: number;
  /** Shrink wider key frames to this width; default full resolution. */
  maxWidth?: number;
  /**
   * Also write the filmstrip (small frames of the whole video, for the timeline's scrubbing) from the analysis'
   * decoding pass into this folder: made aside and swapped in whole when the job succeeds.
   */
  filmstripDir?: string;
  /** Write why each shot boundary was taken into keyframes.json ("explain"). */
  explain?: boolean;
  /** The progress events carry the shots found so far (the editor's live timeline): AnalyzeContext.shotsSoFar. */
  shotsSoFar?: boolean;
}

/** Sub-folder of the output folder that holds each key frame's thumbnail (same name, .jpg). */
export const THUMB_DIR = 'thumbs';
export const THUMB_WIDTH = 320;

/** Share of the progress bar the analysis takes; extracting the full-resolution key frames is the rest. */
const ANALYSIS_SHARE = 0.9;

export function keyframeFileName(shot: number, frame: number, format: 'jpeg' | 'png' = 'jpeg'): string {
  return `shot${String(shot).padStart(3, '0')}-frame${String(frame).padStart(6, '0')}.${format === 'png' ? 'png' : 'jpg'}`;
}

/** The thumbnail's path relative to the output folder, e.g. thumbs/shot001-frame000042.jpg (keyframeThumbFile). */
export function keyframeThumbName(file: string): string {
  return keyframeThumbFile(file);
}

/** Image files a previous run listed in DIR/keyframes.json (so a re-run can tidy what it no longer produces). */
async function previousFiles(outDir: string): Promise<string[]> {
  try {
    const doc = JSON.parse(await readFile(join(outDir, 'keyframes.json'), 'utf8')) as Partial<KeyframesDocument>;
    return (doc.keyframes ?? []).flatMap((k) => [basename(String(k.file)), ...(k.thumb ? [`${THUMB_DIR}/${basename(String(k.thumb))}`] : [])]);
  } catch {
    return [];
  }
}

/**
 * The whole `keyframes` job: analyse the video, write each key frame at full resolution into a staging folder inside
 * `outDir`, swap them in once every one is written, then write `outDir/keyframes.json` (atomically, last). A
 * cancelled, failed or killed run leaves the previous images and document exactly as they were.
 */
export async function runKeyframesJob(videoPath: string, opts: KeyframesJobOptions, ctx: JobContext = {}) {
  const outDir = resolve(opts.outDir);
  // Made first, so an output folder that cannot be written fails before a long analysis; a run that fails takes
  // away again the (empty) folders it made.
  const created = await mkdir(outDir, { recursive: true });
  await cleanStaleTemps(outDir);
  await cleanStaleTemps(join(outDir, THUMB_DIR));
  try {
    return await keyframesInto(outDir, videoPath, opts, ctx);
  } catch (err) {
    if (created) {
      await rmdir(join(outDir, THUMB_DIR)).catch(() => undefined);
      await removeEmptyFolders(outDir, created);
    }
    throw err;
  }
}

/** rmdir from `dir` up to and including `top`, stopping at the first folder that is not empty. */
async function removeEmptyFolders(dir: string, top: string): Promise<void> {
  for (let d = dir; ; d = dirname(d)) {
    try {
      await rmdir(d);
    } catch {
      return;
    }
    if (d === top || dirname(d) === d) return;
  }
}

async function keyframesInto(outDir: string, videoPath: string, opts: KeyframesJobOptions, ctx: JobContext) {
  const started = performance.now();
  const format = opts.format ?? 'jpeg';
  // Once the analysis has found its shots they stay in the progress events, so a timeline filled while it ran stays
  // filled while the pictures are taken.
  let found: FoundSoFar | undefined;
  const scaled = (share: number, offset: number) => (p: Progress) => {
    found = p.found ?? found;
    ctx.onProgress?.({ ...p, fraction: offset + share * (p.fraction ?? (p.total ? p.done / p.total : 0)), ...(found ? { found } : {}) });
  };

  // The filmstrip's sheets are written during the analysis into a staging folder inside the filmstrip's folder; the
  // key frames, their thumbnails and keyframes.json into one inside outDir. Each set is swapped in whole (a
  // crash-consistent swap: StagedFiles) only once the job has made all of it.
  const stripStage = opts.filmstripDir ? await StagedFiles.create(resolve(opts.filmstripDir)) : undefined;
  // A failed run leaves no filmstrip folder it made (an earlier filmstrip stays as it was).
  const dropStrip = async () => {
    if (!stripStage) return;
    await stripStage.discard();
    await rmdir(stripStage.targetDir).catch(() => undefined);
  };
  // The key frames, their thumbnails and keyframes.json are written into one staging folder inside outDir (the
  // decoding pass writes the pictures it holds there already); a re-run plans the same names as the run before, and
  // the images keyframes.json (and project.json) list must stay whole until the new set is complete.
  let stage: StagedFiles;
  try {
    stage = await StagedFiles.create(outDir);
  } catch (err) {
    await dropStrip();
    throw err;
  }
  let analysis;
  // When the analysis was over: the key frames' pictures are the rest of the job (written by the pass, or decoded
  // again alongside: AnalyzeContext.pictures.others).
  let extractStart: number | undefined;
  const analysisProgress = scaled(ANALYSIS_SHARE, 0);
  const extractProgress = scaled(1 - ANALYSIS_SHARE, ANALYSIS_SHARE);
  try {
    analysis = await analyzeVideo(videoPath, opts.params, {
      signal: ctx.signal,
      onProgress: (p) => {
        if (p.stage !== 'done') return ctx.onProgress && analysisProgress(p);
        // The analysis is done: saving the key frames is what the job does now.
        extractStart = performance.now();
        if (ctx.onProgress) extractProgress({ stage: 'extract', done: 0, fraction: 0, ...(p.found ? { found: p.found } : {}) });
      },
      shotsSoFar: opts.shotsSoFar,
      filmstripDir: stripStage?.dir,
      pictures: {
        dir: stage.dir,
        thumbDir: stage.path(THUMB_DIR),
        thumbWidth: THUMB_WIDTH,
        format,
        quality: opts.quality ?? 92,
        maxWidth: opts.maxWidth,
        others: async (keyframes, video) => {
          const requests = keyframes.map((k) => ({ frame: k.frame, time: k.time, outPath: stage.path(keyframeFileName(k.shot, k.frame, format)) }));
          await extractFrames(videoPath, requests, {
            format,
            quality: opts.quality ?? 92,
            maxWidth: opts.maxWidth,
            info: video.info,
            syncTimes: video.syncTimes,
            thumbnails: { dir: stage.path(THUMB_DIR), width: THUMB_WIDTH },
            signal: ctx.signal,
            // The pictures decoded again are this share of the key frames (the pass writes the others meanwhile):
            // the bar reaches its end only once every picture is made (below).
            onProgress:
              ctx.onProgress &&
              ((p) => extractProgress({ ...p, fraction: ((p.fraction ?? 0) * keyframes.length) / (video.keyframes + 1) })),
          });
        },
      },
    });
    // The pictures the decoding pass wrote take their final names.
    for (const k of analysis.keyframes) {
      const picture = analysis.pictures?.get(k.frame);
      if (!picture) continue;
      const file = keyframeFileName(k.shot, k.frame, format);
      await rename(picture.path, stage.path(file));
      await rename(picture.thumbnail, stage.path(keyframeThumbName(file)));
    }
    // Every picture is made and staged; what is left is keyframes.json and the swap.
    const n = analysis.keyframes.length;
    if (ctx.onProgress) extractProgress({ stage: 'extract', done: n, total: n, fraction: 1 });
  } catch (err) {
    await Promise.all([stage.discard(), dropStrip()]);
    throw err;
  }
  const extractSeconds = extractStart === undefined ? 0 : (performance.now() - extractStart) / 1000;
  const ffmpeg = locateFfmpeg();
  const { info } = analysis;
  const doc: KeyframesDocument = {
    schema: 1,
    video: { ...info, path: resolve(videoPath) },
    params: opts.params,
    shots: analysis.shots,
    transitions: analysis.transitions,
    keyframes: analysis.keyframes.map((k) => {
      const file = keyframeFileName(k.shot, k.frame, format);
      return { ...k, file, thumb: keyframeThumbName(file) };
    }),
    timing: {
      decodeSeconds: round(analysis.timing.decodeSeconds),
      analysisSeconds: round(analysis.timing.analysisSeconds),
      extractSeconds: round(extractSeconds),
      totalSeconds: round((performance.now() - started) / 1000),
    },
    pictures: {
      fromAnalysis: analysis.pictures?.size ?? 0,
      decodedAgain: analysis.keyframes.length - (analysis.pictures?.size ?? 0),
      ...(whyNoneHeld(analysis.inPass) ? { reason: whyNoneHeld(analysis.inPass) } : {}),
    },
    kernels: analysis.kernels,
    ffmpeg: { path: ffmpeg.path, source: ffmpeg.source, version: ffmpeg.version },
    warnings: analysis.warnings,
    ...(opts.explain ? { explain: { boundaries: analysis.boundaries ?? [], duplicates: analysis.duplicates ?? [] } } : {}),
  };
  // The images, their thumbnails and keyframes.json go in as one set; what the earlier analysis had and this one
  // does not is removed with it.
  const stale = (await previousFiles(outDir)).filter((f) => !doc.keyframes.some((k) => k.file === f || k.thumb === f));
  try {
    await writeFileAtomic(stage.path('keyframes.json'), `${JSON.stringify(doc, null, 2)}\n`);
    await stage.commit({ remove: stale });
  } catch (err) {
    await Promise.all([stage.discard(), dropStrip()]);
    throw err;
  }
  if (stripStage) {
    // Sheets of the earlier filmstrip that the new one does not have go with the swap.
    const sheets = (await readdir(stripStage.targetDir).catch(() => [] as string[])).filter((f) => /^sheet-\d+\.jpg$/.test(f));
    await stripStage.commit({ remove: sheets }).catch(async (err) => {
      await dropStrip();
      throw err;
    });
  }
  return doc;
}

/** Why the decoding pass gave no pictures: it held none (reason), or what it held could not be used (invalid). */
function whyNoneHeld(inPass: Awaited<ReturnType<typeof analyzeVideo>>['inPass']): string | undefined {
  return inPass && ('reason' in inPass ? inPass.reason : inPass.invalid);
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
