import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RgbImage } from '../../../app/video';
import { makeWithFfmpeg } from '../../../test-support/fixtures';
import { decodeImage, encodeImage, encodeImageBytes } from './image-io';
import { fixtureFile, meanAbsDiff } from './video-fixtures';

const still = (ext: string) => makeWithFfmpeg(`still.${ext}`, ['-f', 'lavfi', '-i', 'testsrc=size=321x181:rate=1', '-frames:v', '1']);

function pattern(width: number, height: number): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      data[i] = (x * 255) / width;
      data[i + 1] = (y * 255) / height;
      data[i + 2] = (x + y) % 2 ? 200 : 40;
    }
  }
  return { width, height, data };
}

test('decodes png, jpeg, webp and bmp to RGB24 at their own size, with the same picture', async () => {
  const png = await decodeImage(still('png'));
  assert.deepEqual([png.width, png.height, png.data.length], [321, 181, 321 * 181 * 3]);
  for (const ext of ['jpg', 'webp', 'bmp']) {
    const img = await decodeImage(still(ext));
    assert.deepEqual([img.width, img.height], [321, 181], ext);
    assert.ok(meanAbsDiff(img.data, png.data) < 6, `${ext} differs from png by ${meanAbsDiff(img.data, png.data)}`);
  }
});

test('resizes: exact width and height, one side keeping the aspect, or a longest-side cap that never enlarges', async () => {
  const path = still('png');
  const size = async (o: object) => {
    const i = await decodeImage(path, o);
    assert.equal(i.data.length, i.width * i.height * 3);
    return [i.width, i.height];
  };
  assert.deepEqual(await size({ width: 100, height: 40 }), [100, 40]);
  assert.deepEqual(await size({ width: 160 }), [160, 90]);
  assert.deepEqual(await size({ height: 90 }), [160, 90]);
  assert.deepEqual(await size({ maxSide: 64 }), [64, 36]);
  assert.deepEqual(await size({ maxSide: 2000 }), [321, 181]);
});

test('png round trip is lossless, jpeg is close; the write is atomic (no temporary file left)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'image-io-'));
  const img = pattern(123, 77);
  const png = join(dir, 'pänel 1.png');
  const jpg = join(dir, 'pänel 1.jpg');
  await encodeImage(png, img);
  await encodeImage(jpg, img, { quality: 95 });
  const back = await decodeImage(png);
  assert.deepEqual([back.width, back.height], [123, 77]);
  assert.equal(meanAbsDiff(back.data, img.data), 0);
  const lossy = await decodeImage(jpg);
  assert.ok(meanAbsDiff(lossy.data, img.data) < 12, `jpeg error ${meanAbsDiff(lossy.data, img.data)}`);
  assert.deepEqual(readdirSync(dir).sort(), ['pänel 1.jpg', 'pänel 1.png']);
  const low = await encodeImageBytes(img, 'jpeg', { quality: 20 });
  assert.ok(low.length < statSync(jpg).size, 'lower quality gives a smaller file');
  await assert.rejects(encodeImage(join(dir, 'x.tiff'), img), /\.png, \.jpg or \.jpeg/);
  await assert.rejects(encodeImage(png, { width: 10, height: 10, data: new Uint8Array(5) }), RangeError);
  assert.equal(meanAbsDiff((await decodeImage(png)).data, img.data), 0, 'a failed write leaves the old file intact');
});

test('a missing file and a non-image say so, naming the file', async () => {
  await assert.rejects(decodeImage('/nonexistent/dir/pic.png'), { name: 'VideoError', code: 'NOT_FOUND', message: /pic\.png/ });
  const text = fixtureFile('not-an-image.png', 'hello, I am text\n'.repeat(20));
  await assert.rejects(decodeImage(text), { name: 'VideoError', code: 'NOT_A_VIDEO', message: /not-an-image\.png: not an image file/ });
});
