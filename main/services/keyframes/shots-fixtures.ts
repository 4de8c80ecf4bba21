import type { AnalysisParams } from '../../../app/keyframes';
import type { VideoInfo } from '../../../app/video';
import { makeWithFfmpeg } from '../../../test-support/fixtures';
import { probeVideo } from '../video';
import { streamFeatures, type VideoFeatures } from './analyze-stream';
import { loadKernels } from './features';

/**
 * Small lavfi clips with known shot structure, for the shot-detector and analysis tests (test support, not product
 * code). 320x180, 25 fps, a few seconds each; made once with ffmpeg and cached by test-support/fixtures.ts.
 * Truth follows ../shared/videos/truth.json: `cuts` are first frames of new shots, `gradual` spans hold exactly one
 * boundary, `traps` are spans where no boundary belongs.
 */
export interface ShotFixture {
  name: string;
  frames: number;
  cuts: number[];
  gradual: Array<[number, number]>;
  traps: Array<[number, number, string]>;
  /** Builds the clip (cached) and returns its path. */
  make(): string;
}

export const FPS = 25;
const SIZE = 's=320x180';

/** `name` or `name=opts` followed by the separator before further options. */
function withOptions(source: string): string {
  return source.includes('=') ? `${source}:` : `${source}=`;
}

/** A lavfi source trimmed to `frames` frames with clean timestamps and a common format, so concat accepts it. */
export function src(source: string, frames: number, extra = ''): string {
  return `${withOptions(source)}${SIZE}:r=${FPS},trim=end_frame=${frames},setpts=N/${FPS}/TB${extra},format=yuv420p,setsar=1`;
}

/** A still (the first frame of `source`, 1600x400 unless told) held for `frames` frames: for pans, zooms, crops. */
export function still(source: string, frames: number, size = '1600x400'): string {
  return `${withOptions(source)}s=${size}:r=${FPS},trim=end_frame=1,loop=loop=${frames - 1}:size=1:start=0,setpts=N/${FPS}/TB`;
}

export const PICTURE = 'mandelbrot=start_scale=0.4';

export function encode(name: string, graph: string, frames: number): () => string {
  return () =>
    makeWithFfmpeg(name, [
      // Exact timestamps and rate on the output: concat of looped stills otherwise makes ffmpeg duplicate frames.
      '-filter_complex', `${graph},setpts=N/${FPS}/TB,format=yuv420p[out]`,
      '-map', '[out]', '-r', String(FPS), '-frames:v', String(frames),
      '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '20', '-g', '50', '-pix_fmt', 'yuv420p',
    ]);
}

export function concat(parts: string[]): string {
  const labels = parts.map((_, i) => `[p${i}]`);
  return parts.map((p, i) => `${p}${labels[i]}`).join(';') + `;${labels.join('')}concat=n=${parts.length}:v=1:a=0`;
}

export const noisy = ',noise=alls=12:allf=t';

export const SHOT_FIXTURES: Record<string, ShotFixture> = {
  /** Hard cuts between unrelated sources; life → cellauto is white-on-black to white-on-black (structure only). */
  cuts: {
    name: 'cuts', frames: 230, cuts: [40, 80, 120, 160, 200], gradual: [], traps: [],
    make: encode('shots-cuts.mp4', concat([
      src('testsrc2', 40), src('mandelbrot', 40), src('smptebars', 40, noisy), src('life=mold=10:ratio=0.3:seed=1', 40),
      src('cellauto=rule=110:seed=1', 40), src('color=c=0x406080', 30, noisy),
    ]), 230),
  },
  /** testsrc2 fades out to black (38-49), mandelbrot fades in from black (50-61). */
  fadeBlack: {
    name: 'fadeBlack', frames: 100, cuts: [], gradual: [[38, 61]], traps: [],
    make: encode('shots-fade-black.mp4', concat([
      src('testsrc2', 50, ',fade=t=out:s=38:n=12'), src('mandelbrot', 50, ',fade=t=in:s=0:n=12'),
    ]), 100),
  },
  /** smptebars fades out to white, life fades in from white. */
  fadeWhite: {
    name: 'fadeWhite', frames: 100, cuts: [], gradual: [[38, 61]], traps: [],
    make: encode('shots-fade-white.mp4', concat([
      src('smptebars', 50, `${noisy},fade=t=out:s=38:n=12:c=white`),
      src('life=mold=10:ratio=0.3:seed=1', 50, ',fade=t=in:s=0:n=12:c=white'),
    ]), 100),
  },
  /** One moving picture dips to black (40-59) and later to white (90-109) and comes back: no boundary. */
  fadeSame: {
    name: 'fadeSame', frames: 150, cuts: [], gradual: [], traps: [[0, 149, 'dips to black and white on one shot']],
    make: encode('shots-fade-same.mp4',
      `testsrc2=${SIZE}:r=${FPS}:d=6,format=yuv420p,split=3[x][y][z];` +
      `[x]trim=end_frame=50,setpts=N/${FPS}/TB,fade=t=out:s=40:n=10[a];` +
      `[y]trim=start_frame=50:end_frame=100,setpts=N/${FPS}/TB,fade=t=in:s=0:n=10,fade=t=out:s=40:n=10:c=white[b];` +
      `[z]trim=start_frame=100:end_frame=150,setpts=N/${FPS}/TB,fade=t=in:s=0:n=10:c=white[c];` +
      `[a][b][c]concat=n=3:v=1:a=0`, 150),
  },
  /** mandelbrot (zooming) cross-dissolves into testsrc2 (moving) over 1.5 s: frames 40-76. */
  dissolve: {
    name: 'dissolve', frames: 110, cuts: [], gradual: [[40, 76]], traps: [],
    make: encode('shots-dissolve.mp4',
      `${src('testsrc2', 110)},format=yuva420p,fade=t=in:s=40:n=37:alpha=1[b];` +
      `${src('mandelbrot', 110)}[a];[a][b]overlay=shortest=1`, 110),
  },
  /** Two stills (bars, then a crop of the fractal) dissolve over 2 s: frames 30-79. */
  dissolveStill: {
    name: 'dissolveStill', frames: 110, cuts: [], gradual: [[30, 79]], traps: [],
    make: encode('shots-dissolve-still.mp4',
      `${still(PICTURE, 110)},crop=320:180:x=200:y=100,format=yuva420p,fade=t=in:s=30:n=50:alpha=1[b];` +
      `${src('smptebars', 110, noisy)}[a];[a][b]overlay=shortest=1`, 110),
  },
  /** testsrc2 with a 3-frame brightness flash (40-42) and a 2-frame pure white flash (70-71): no boundary. */
  flash: {
    name: 'flash', frames: 100, cuts: [], gradual: [],
    traps: [[38, 46, 'brightness flash'], [68, 75, 'white flash']],
    make: encode('shots-flash.mp4',
      `${src('testsrc2', 100)},eq=brightness=0.6:enable='between(n,40,42)'[a];` +
      `color=c=white:${SIZE}:r=${FPS},trim=end_frame=100,setpts=N/${FPS}/TB,format=yuv420p[w];` +
      `[a][w]overlay=enable='between(n,70,71)'`, 100),
  },
  /** A dark shape as large as the frame sweeps across a moving picture (frames 40-49), covering it at 45: no boundary. */
  occlusion: {
    name: 'occlusion', frames: 100, cuts: [], gradual: [], traps: [[38, 52, 'something passes in front of the lens']],
    make: encode('shots-occlusion.mp4',
      `${src('testsrc2', 100)}[a];color=c=0x201810:s=320x180:r=${FPS},trim=end_frame=100,setpts=N/${FPS}/TB[box];` +
      `[a][box]overlay=x='-320+(n-40)*64':y=0:enable='between(n,40,49)'`, 100),
  },
  /** A fast pan (12 px per frame at 320 wide) across a colourful still: one busy shot, no boundary. */
  pan: {
    name: 'pan', frames: 110, cuts: [], gradual: [], traps: [[0, 109, 'fast pan']],
    make: encode('shots-pan.mp4', `${still(PICTURE, 110)},crop=320:180:x='min(n*12\\,1280)':y=110${noisy}`, 110),
  },
  /** A fast zoom into a still (x1 → x3 in 2.4 s): no boundary. */
  zoom: {
    name: 'zoom', frames: 60, cuts: [], gradual: [], traps: [[0, 59, 'fast zoom']],
    make: encode('shots-zoom.mp4',
      `${still(PICTURE, 60, '960x540')},zoompan=z='1+on/30':d=1:x='iw/2-iw/zoom/2':y='ih/2-ih/zoom/2':s=320x180:fps=${FPS},` +
      `setpts=N/${FPS}/TB,setsar=1`, 60),
  },
  /** Hand-held shake (jitter of up to ±30 px) over a still: no boundary. */
  shake: {
    name: 'shake', frames: 75, cuts: [], gradual: [], traps: [[0, 74, 'shake']],
    make: encode('shots-shake.mp4',
      `${still(PICTURE, 75)},crop=320:180:x='300+18*sin(n*1.9)+12*sin(n*4.3)':y='110+14*sin(n*2.7)+8*sin(n*5.1)'${noisy},setsar=1`,
      75),
  },
  /** A still (bars) dissolves into the zooming fractal in 1 s: frames 40-64. */
  dissolveShort: {
    name: 'dissolveShort', frames: 100, cuts: [], gradual: [[40, 64]], traps: [],
    make: encode('shots-dissolve-short.mp4',
      `${src('mandelbrot', 100)},format=yuva420p,fade=t=in:s=40:n=25:alpha=1[b];` +
      `${src('smptebars', 100, noisy)}[a];[a][b]overlay=shortest=1`, 100),
  },
  /** testsrc2 dissolves into a pan over the fractal over 2 s: frames 40-89. */
  dissolvePan: {
    name: 'dissolvePan', frames: 130, cuts: [], gradual: [[40, 89]], traps: [],
    make: encode('shots-dissolve-pan.mp4',
      `${still(PICTURE, 130)},crop=320:180:x='n*5':y=60,format=yuva420p,fade=t=in:s=40:n=50:alpha=1[b];` +
      `${src('testsrc2', 130)}[a];[a][b]overlay=shortest=1`, 130),
  },
  /** Two pans over different parts of one picture, cut at 50 (motion on both sides). */
  panCut: {
    name: 'panCut', frames: 100, cuts: [50], gradual: [], traps: [],
    make: encode('shots-pan-cut.mp4', concat([
      `${still(PICTURE, 50)},crop=320:180:x='100+n*6':y=40${noisy},setsar=1`,
      `${still(PICTURE, 50)},crop=320:180:x='900-n*6':y=200${noisy},setsar=1`,
    ]), 100),
  },
  /** Half-second shots: cuts every 12 frames. */
  fastCuts: {
    name: 'fastCuts', frames: 72, cuts: [12, 24, 36, 48, 60], gradual: [], traps: [],
    make: encode('shots-fast-cuts.mp4', concat([
      src('testsrc2', 12), src('smptebars', 12, noisy), src('mandelbrot', 12), src('testsrc2', 12),
      src('life=mold=10:ratio=0.3:seed=1', 12), src('smptebars', 12, noisy),
    ]), 72),
  },
  /** Two framings of one picture (same colours): a cut at 50. */
  sameScene: {
    name: 'sameScene', frames: 100, cuts: [50], gradual: [], traps: [],
    make: encode('shots-same-scene.mp4', concat([
      `${still(PICTURE, 50)},crop=480:270:x='300+n':y=60,scale=320:180${noisy},setsar=1`,
      `${still(PICTURE, 50)},crop=320:180:x='380+n':y=150${noisy},setsar=1`,
    ]), 100),
  },
  /**
   * Fast action: a large moving picture (testsrc2, a third of the frame) darts across a still background, with motion
   * blur (consecutive frames averaged), every frame a big change: no boundary.
   */
  fastAction: {
    name: 'fastAction', frames: 100, cuts: [], gradual: [], traps: [[0, 99, 'fast action']],
    make: encode('shots-fast-action.mp4',
      `${still(PICTURE, 104)},crop=320:180:x=300:y=110${noisy},setsar=1[bg];` +
      `testsrc2=s=160x120:r=${FPS},trim=end_frame=104,setpts=N/${FPS}/TB[fg];` +
      `[bg][fg]overlay=x='80+110*sin(n*0.7)':y='30+40*sin(n*1.1)':shortest=1,tmix=frames=2`, 100),
  },
  /**
   * Fast action on threes (animation, or a low-rate source shown at 25 fps): a big still card jumps to a new place
   * every third frame, the frames between repeat exactly: every third step a big change next to two empty ones.
   */
  fastActionThrees: {
    name: 'fastActionThrees', frames: 100, cuts: [], gradual: [], traps: [[0, 99, 'fast action on threes']],
    make: encode('shots-fast-action-threes.mp4',
      `${still(PICTURE, 100)},crop=320:180:x=300:y=110,setsar=1[bg];` +
      `${still('testsrc2', 100, '180x130')}[fg];` +
      `[bg][fg]overlay=x='70+100*sin(floor(n/3)*1.9)':y='25+35*sin(floor(n/3)*1.3)':shortest=1`, 100),
  },
  /** Slow lighting change: the picture darkens by about 40 % over 2 s and recovers (auto-exposure): no boundary. */
  lightingChange: {
    name: 'lightingChange', frames: 125, cuts: [], gradual: [], traps: [[0, 124, 'slow lighting change']],
    make: encode('shots-lighting.mp4',
      `${still(PICTURE, 125)},crop=320:180:x='200+n':y=100${noisy},setsar=1,` +
      `eq=brightness='-0.22*sin(PI*n/110)':contrast='1-0.3*sin(PI*n/110)':eval=frame`, 125),
  },
  /**
   * A slowly zooming fractal with a moving picture faded in over it (alpha, 1.5 s, frames 100-137), as a title or an
   * overlay fades in: one boundary inside. Windows inside the fade pass several tests too; with a stricter block
   * comparison (tried, docs/keyframes.md) a partial one became the clearest and its return test, from ends inside the
   * fade, saw the picture from before: the dissolve was missed.
   */
  dissolveOntoZoom: {
    name: 'dissolveOntoZoom', frames: 160, cuts: [], gradual: [[100, 137]], traps: [],
    make: encode('shots-dissolve-onto-zoom.mp4',
      `${PICTURE}:s=640x360:r=${FPS},trim=end_frame=160,setpts=N/${FPS}/TB,setsar=1[a];` +
      `testsrc2=s=640x360:r=${FPS},trim=end_frame=160,setpts=N/${FPS}/TB,format=yuva420p,fade=t=in:s=100:n=38:alpha=1[b];` +
      `[a][b]overlay=shortest=1`, 160),
  },
  /** A pan over the fractal dissolves into testsrc2 (its own motion) while drifting: both shots move, frames 40-64. */
  dissolveMoving: {
    name: 'dissolveMoving', frames: 110, cuts: [], gradual: [[40, 64]], traps: [],
    make: encode('shots-dissolve-moving.mp4',
      `testsrc2=s=400x240:r=${FPS},trim=end_frame=110,setpts=N/${FPS}/TB,crop=320:180:x='n*0.7':y=30,format=yuva420p,` +
      `fade=t=in:s=40:n=25:alpha=1[b];${still(PICTURE, 110)},crop=320:180:x='100+n*7':y=60${noisy},setsar=1[a];` +
      `[a][b]overlay=shortest=1`, 110),
  },
  /**
   * Two dissolves 0.7 s apart (bars into testsrc2 at 30-44, then into a pan over the fractal at 62-81): the windows
   * that test them overlap, and must still give two boundaries, one inside each.
   */
  dissolvesBackToBack: {
    name: 'dissolvesBackToBack', frames: 110, cuts: [], gradual: [[30, 44], [62, 81]], traps: [],
    make: encode('shots-dissolves-back-to-back.mp4',
      `${src('smptebars', 110, noisy)}[a];` +
      `${src('testsrc2', 110)},format=yuva420p,fade=t=in:s=30:n=15:alpha=1[b];` +
      `${still(PICTURE, 110)},crop=320:180:x='200+n*4':y=80,setsar=1,format=yuva420p,fade=t=in:s=62:n=20:alpha=1[c];` +
      `[a][b]overlay=shortest=1[ab];[ab][c]overlay=shortest=1`, 110),
  },
  /**
   * The same fixed camera at another time: the same background, the thing in front of it elsewhere and the exposure a
   * little different, a cut at 50 (a similar-shot cut: most of the picture stays).
   */
  sameCamera: {
    name: 'sameCamera', frames: 100, cuts: [50], gradual: [], traps: [],
    make: encode('shots-same-camera.mp4',
      `${still(PICTURE, 100)},crop=320:180:x=420:y=120${noisy},setsar=1[bg];` +
      `testsrc2=s=150x130:r=${FPS},trim=end_frame=100,setpts=N/${FPS}/TB[fg];` +
      `[bg][fg]overlay=x='if(lt(n,50),10+n,160-(n-50))':y='if(lt(n,50),20,45)':shortest=1,` +
      `eq=brightness='if(lt(n,50),0,0.05)':eval=frame`, 100),
  },
  /** Colour bars with sensor noise for 3 s: one shot, one key frame. */
  static: {
    name: 'static', frames: 75, cuts: [], gradual: [], traps: [],
    make: encode('shots-static.mp4', src('smptebars', 75, noisy), 75),
  },
  /** Shot A (bars), shot B (fractal), shot A again: the mutual comparison keeps one key frame of A. */
  repeat: {
    name: 'repeat', frames: 120, cuts: [40, 80], gradual: [], traps: [],
    make: encode('shots-repeat.mp4', concat([
      src('smptebars', 40, noisy), `${still(PICTURE, 40)},crop=320:180:x=200:y=100${noisy},setsar=1`,
      src('smptebars', 40, noisy),
    ]), 120),
  },
};

/** Shot-detection signals and clustering features of a clip at a test-friendly width, decoded once per process. */
const decoded = new Map<string, Promise<{ info: VideoInfo } & VideoFeatures>>();

export function featuresOf(path: string, params: AnalysisParams): Promise<{ info: VideoInfo } & VideoFeatures> {
  const key = `${path}@${params.analysisWidth}`;
  let p = decoded.get(key);
  if (!p) {
    p = (async () => {
      const info = await probeVideo(path);
      return { info, ...(await streamFeatures(path, info, params, loadKernels().kernels)) };
    })();
    decoded.set(key, p);
  }
  return p;
}
