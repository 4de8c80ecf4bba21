import { makeWithFfmpeg } from '../test-support/fixtures';

/**
 * A generated 1080p clip of `seconds` (default 150 s: a user's video is often minutes long): shots of lavfi
 * sources with motion, joined by hard cuts, x264 like a camera or phone file. Made once and cached. `gopFrames`: a key
 * frame every so many frames (phones and cameras: about one a second); default x264's own (up to 250, 10 s here).
 */
export function longClip1080p(seconds = 150, gopFrames?: number): string {
  const sources = [
    'testsrc2=size=1920x1080:rate=25',
    'smptehdbars=size=1920x1080:rate=25,hue=H=t/3',
    'life=size=480x270:rate=25:mold=10:ratio=0.3:seed=1:life_color=#e63946:death_color=#1d3557,scale=1920:1080:flags=neighbor',
    'mandelbrot=size=480x270:rate=25:maxiter=128,scale=1920:1080',
    'cellauto=size=480x270:rate=25:rule=110:seed=1,scale=1920:1080:flags=neighbor,negate',
  ];
  const shotSeconds = 10;
  const shots = Math.ceil(seconds / shotSeconds);
  const parts: string[] = [];
  for (let i = 0; i < shots; i++) {
    const src = sources[i % sources.length];
    parts.push(`${src},trim=duration=${shotSeconds},format=yuv420p,settb=1/25,setpts=PTS-STARTPTS[s${i}]`);
  }
  const graph = `${parts.join(';')};${Array.from({ length: shots }, (_, i) => `[s${i}]`).join('')}concat=n=${shots}:v=1:a=0[v]`;
  const gop = gopFrames ? ['-g', String(gopFrames), '-keyint_min', String(gopFrames)] : [];
  return makeWithFfmpeg(`long-1080p-${seconds}s${gopFrames ? `-gop${gopFrames}` : ''}.mp4`, [
    '-filter_complex', graph, '-map', '[v]', '-r', '25',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '23', '-pix_fmt', 'yuv420p', ...gop,
  ]);
}
