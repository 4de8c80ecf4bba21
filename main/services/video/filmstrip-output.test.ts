import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filmstripTileAt, planFilmstrip, type FilmstripIndex } from '../../../app/filmstrip';
import { makeWithFfmpeg } from '../../../test-support/fixtures';
import { finishFilmstrip, FILMSTRIP_INDEX } from './filmstrip-output';
import { decodeImage } from './image-io';
import { streamFrames } from './stream-frames';

/** 1 s red, 1 s green, 1 s blue, 1 s white at 25 fps (320×180): each tile's colour says which moment it shows. */
function colourClip(): string {
  const parts = ['red', 'green', 'blue', 'white'].map((c) => `color=c=${c}:size=320x180:rate=25:duration=1`);
  return makeWithFfmpeg('four-colours.mp4', [
    '-f', 'lavfi', '-i', parts[0], '-f', 'lavfi', '-i', parts[1], '-f', 'lavfi', '-i', parts[2], '-f', 'lavfi', '-i', parts[3],
    '-filter_complex', '[0][1][2][3]concat=n=4:v=1:a=0', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p',
  ]);
}

const colourOf = ([r, g, b]: number[]) =>
  r > 200 && g > 200 && b > 200 ? 'white' : r > 150 && g < 90 ? 'red' : g > 90 && r < 90 && b < 90 ? 'green' : b > 150 && r < 90 ? 'blue' : `?${r},${g},${b}`;

test('the filmstrip comes from the analysis decode itself: the same frames, and sheets of tiles at their moments', async () => {
  const video = colourClip();
  const dir = mkdtempSync(join(tmpdir(), 'ycis-filmstrip-'));
  const spec = { ...planFilmstrip(4, 320, 180), columns: 4, rows: 2 };
  assert.deepEqual([spec.rate, spec.tileWidth, spec.tileHeight], [4, 160, 90]);
  const plain = streamFrames(video, { width: 64 });
  const withStrip = streamFrames(video, { width: 64, filmstrip: { dir, ...spec } });
  const times = async (s: typeof plain) => {
    const out: number[] = [];
    for await (const f of s) out.push(f.time);
    return out;
  };
  const [a, b] = [await times(plain), await times(withStrip)];
  assert.deepEqual(b, a, 'the analysis sees the same frames at the same times');
  assert.equal(a.length, 100);
  assert.deepEqual(withStrip.warnings, [], 'the second output adds no warning');

  const index = await finishFilmstrip({ dir, ...spec }, a.at(-1)!);
  assert.deepEqual(JSON.parse(readFileSync(join(dir, FILMSTRIP_INDEX), 'utf8')), index);
  assert.equal(index.count, 15, '4 tiles a second up to the last frame (3.96 s)');
  assert.deepEqual(index.sheets, readdirSync(dir).filter((f) => f.endsWith('.jpg')).sort());
  assert.equal(index.sheets.length, 2, '8 tiles a sheet');
  const sheets = await Promise.all(index.sheets.map((s) => decodeImage(join(dir, s))));
  assert.deepEqual([sheets[0].width, sheets[0].height], [640, 180]);
  const colourAt = (time: number) => {
    const place = filmstripTileAt(index, time);
    const img = sheets[place.sheet];
    // The middle of the tile.
    const o = ((place.y + 45) * img.width + place.x + 80) * 3;
    if (time === 3.25) assert.ok(img.data[o] >= 250, `white is full range: ${img.data[o]}`);
    return colourOf([img.data[o], img.data[o + 1], img.data[o + 2]]);
  };
  assert.deepEqual([0, 0.5, 0.75, 1.25, 1.75, 2.25, 2.75, 3.25, 3.5].map(colourAt), ['red', 'red', 'red', 'green', 'green', 'blue', 'blue', 'white', 'white']);
  assert.equal(filmstripTileAt(index, 99).time, 3.5, 'past the end: the last tile there is');
});

test('the decode that also writes the filmstrip hands the analysis the very same pixels as the plain decode', async () => {
  // A detailed moving picture, where scalers differ (bicubic against fast bilinear), unlike flat colours.
  const video = makeWithFfmpeg('filmstrip-pixels.mp4', [
    '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=25:duration=1', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p',
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'ycis-filmstrip-'));
  const spec = { ...planFilmstrip(1, 640, 360), columns: 4, rows: 2 };
  const pixels = async (s: ReturnType<typeof streamFrames>) => {
    const out: Buffer[] = [];
    for await (const f of s) out.push(Buffer.from(f.data));
    return out;
  };
  const plain = await pixels(streamFrames(video, { width: 256 }));
  const withStrip = await pixels(streamFrames(video, { width: 256, filmstrip: { dir, ...spec } }));
  assert.equal(withStrip.length, plain.length);
  const differing = plain.filter((p, i) => !p.equals(withStrip[i])).length;
  assert.equal(differing, 0, `${differing} of ${plain.length} analysis frames differ when the filmstrip is written`);
});

test('filmstrip index: tile places in row-major sheets, clamped to the tiles there are', () => {
  const index: FilmstripIndex = { schema: 1, rate: 2, tileWidth: 160, tileHeight: 90, columns: 10, rows: 10, count: 250, sheets: ['a', 'b', 'c'] };
  assert.deepEqual(filmstripTileAt(index, 0), { sheet: 0, x: 0, y: 0, time: 0 });
  assert.deepEqual(filmstripTileAt(index, 6.1), { sheet: 0, x: 2 * 160, y: 90, time: 6 }, 'tile 12: row 1, column 2');
  assert.deepEqual(filmstripTileAt(index, 50.2), { sheet: 1, x: 0, y: 0, time: 50 }, 'tile 100 starts sheet 2');
  assert.deepEqual(filmstripTileAt(index, 1e6), { sheet: 2, x: 9 * 160, y: 4 * 90, time: 124.5 });
  assert.deepEqual(filmstripTileAt(index, -3).time, 0);
  // Long videos get fewer tiles a second; the tile keeps the picture's shape.
  assert.equal(planFilmstrip(3600, 1920, 1080).rate, 2);
  assert.equal(planFilmstrip(60, 1080, 1920).tileHeight, 284);
  assert.ok(!existsSync('/nonexistent-filmstrip'));
});
