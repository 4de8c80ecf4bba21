import { encode, FPS, noisy, PICTURE, still } from './shots-fixtures';

/**
 * Small lavfi clips for the same-picture test of the mutual comparison (test support, not product code): each is one
 * shot of 150 frames at 320x180, 25 fps, whose clustering gives two key frames (two clusters of 60-90 frames), and
 * `samePicture` says whether those two show the same picture (one key frame should stay) or two panels (both stay).
 * Made once with ffmpeg and cached by test-support/fixtures.ts.
 */
export interface SamePictureFixture {
  name: string;
  samePicture: boolean;
  make(): string;
}

/** 0 before frame a, 1 after frame b, linear between (an ffmpeg expression in n). */
const ramp = (a: number, b: number) => `clip((n-${a})/${b - a}\\,0\\,1)`;
/**
 * An auto-exposure change: over frames 60-80 the picture's gain falls to 0.6 (eq's contrast pivots on mid-grey, so
 * contrast c with brightness (c − 1) / 2 is a gain of c), and is held.
 */
const EXPOSURE = `eq=brightness='-0.2*${ramp(60, 80)}':contrast='1-0.4*${ramp(60, 80)}':eval=frame`;
/** The camera is bumped at frame 70 by 20 px right and 10 px down (two and one thumbnail cells at 320x180). */
const bump = (x: number, y: number) => `crop=320:180:x='if(lt(n\\,70)\\,${x}\\,${x + 20})':y='if(lt(n\\,70)\\,${y}\\,${y + 10})'`;

export const SAME_PICTURE_FIXTURES: Record<string, SamePictureFixture> = {
  /** The fractal: its exposure falls by 40 % while the camera is bumped a little: the same picture. */
  exposureFractal: {
    name: 'exposureFractal', samePicture: true,
    make: encode('same-exposure-fractal.mp4', `${still(PICTURE, 150)},${bump(200, 100)}${noisy},setsar=1,${EXPOSURE}`, 150),
  },
  /** testsrc2's card (sharp text and colour patches), the same exposure fall and bump: the same picture. */
  exposureCard: {
    name: 'exposureCard', samePicture: true,
    make: encode('same-exposure-card.mp4', `${still('testsrc2', 150, '480x300')},${bump(60, 60)}${noisy},setsar=1,${EXPOSURE}`, 150),
  },
  /** At equal brightness, a card a third of the frame slides in over the fractal (frames 60-65) and stays: two panels. */
  objectEnters: {
    name: 'objectEnters', samePicture: false,
    make: encode('same-object-enters.mp4',
      `${still(PICTURE, 150)},crop=320:180:x=420:y=120${noisy},setsar=1[bg];${still('testsrc2', 150, '150x130')}[fg];` +
      `[bg][fg]overlay=x='-150+200*${ramp(60, 65)}':y=25:shortest=1`, 150),
  },
  /** The camera pans fast (20 px a frame, frames 60-84) to another part of the fractal and holds: two framings. */
  reframe: {
    name: 'reframe', samePicture: false,
    make: encode('same-reframe.mp4', `${still(PICTURE, 150)},crop=320:180:x='150+20*clip(n-60\\,0\\,24)':y=100${noisy},setsar=1`, 150),
  },
  /** The camera zooms in on the fractal (x1 → x2 over frames 60-85) and holds: a wide and a close framing. */
  zoomIn: {
    name: 'zoomIn', samePicture: false,
    make: encode('same-zoom-in.mp4',
      `${still(PICTURE, 150, '960x540')},zoompan=z='1+clip(on-60\\,0\\,25)/25':d=1:x='iw/2-iw/zoom/2':y='ih/2-ih/zoom/2'` +
      `:s=320x180:fps=${FPS},setpts=N/${FPS}/TB,setsar=1${noisy}`, 150),
  },
};
