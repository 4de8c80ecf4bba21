import type { ShotTruth } from '../main/services/keyframes/shots-score';
import { makeWithFfmpeg, sharedVideo } from './fixtures';

const ENCODE = ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '16', '-pix_fmt', 'yuv420p', '-r', '25'];

/** `count` frames of a real clip from frame `start`, at 640×360 and 25 fps, through `effect` (an ffmpeg filter chain). */
function segment(name: string, source: string, start: number, count: number, effect = 'null'): string {
  const vf = `select='gte(n\\,${start})',setpts=N/25/TB,scale=640:360,setsar=1,${effect},setsar=1`;
  return makeWithFfmpeg(`montage-${name}.mp4`, ['-i', source, '-vf', vf, '-frames:v', String(count), ...ENCODE]);
}

/**
 * Real footage from ../shared/videos (testvideo.mp4's photographs, issue-236's animation) cut together with the
 * effects users' videos have, each at a known frame: a camera flash, hand-held shake, a fast zoom, something passing
 * in front of the lens, a cross-dissolve, a fade out and in through black. Undefined when the shared clips are absent.
 *
 * Frames: 0-119 leaf on a rock (flash 70-72) · 120-149 dissolve to the deer · 150-209 deer, shaking · 210 cut to the
 * rock, zooming in · 314 cut to the metal texture (a dark bar crosses it at 344-359) · 399-413 fade out · 414-423
 * black · 424-433 fade in to the boat (pan) · 452 last.
 */
export function realFootageMontage(): { path: string; truth: ShotTruth & { frameCount: number } } | undefined {
  const photos = sharedVideo('testvideo.mp4');
  const animation = sharedVideo('issue-236-split-copy.mkv');
  if (!photos || !animation) return undefined;
  const leaf = segment('leaf-flash', photos, 30, 150, "eq=brightness=0.55:enable='between(n\\,70\\,72)'");
  const deer = segment('deer-shake', photos, 240, 90, "crop=600:338:x='20+18*sin(n*1.7)':y='11+10*cos(n*2.3)',scale=640:360");
  const rock = segment('rock-zoom', photos, 425, 104, "scale=1280:720,zoompan=z='1+0.006*on':d=1:s=640x360");
  const metal = segment('metal', photos, 562, 100);
  const boat = segment('boat-fade-in', animation, 19, 29, 'fade=t=in:s=0:n=10');
  const graph = [
    '[0:v]split[a][a2];[a]trim=end_frame=120[A1];[a2]trim=start_frame=120,setpts=N/25/TB[A2]',
    '[1:v]split[b][b2];[b]trim=end_frame=30[B1];[b2]trim=start_frame=30,setpts=N/25/TB[B2]',
    "[A2][B1]blend=all_expr='A*(1-N/29)+B*(N/29)':shortest=1[X]",
    'color=c=0x202020:s=180x360:r=25[bar]',
    "[3:v][bar]overlay=x='-180+(n-30)*55':y=0:enable='between(n\\,30\\,45)':shortest=1,fade=t=out:s=85:n=15[D]",
    'color=c=black:s=640x360:r=25,trim=end_frame=10,setsar=1[K]',
    '[A1][X][B2][2:v][D][K][4:v]concat=n=7:v=1:a=0,format=yuv420p[out]',
  ].join(';');
  const inputs = [leaf, deer, rock, metal, boat].flatMap((p) => ['-i', p]);
  const path = makeWithFfmpeg('montage.mp4', [...inputs, '-filter_complex', graph, '-map', '[out]', ...ENCODE]);
  return {
    path,
    truth: {
      frameCount: 453,
      cuts: [210, 314],
      gradual: [[120, 149], [399, 433]],
      traps: [[66, 76, 'flash'], [150, 209, 'shake'], [212, 313, 'zoom'], [342, 361, 'occlusion'], [436, 452, 'pan']],
      tolerance: 2,
    },
  };
}
