import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import type { RgbImage } from '../../../app/video';
import { decodeImage, encodeImage, encodeImageBytes, imageInfo, MAX_IMAGE_PIXELS, resizeRgb } from './image-io';
import { fixtureFile, meanAbsDiff } from './video-fixtures';

/** A picture with gradients both ways and a checker in blue: any flip, turn or channel swap shows. */
function pattern(width: number, height: number): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      data[i] = (x * 255) / width;
      data[i + 1] = (y * 255) / height;
      data[i + 2] = (x >> 3) % 2 ? 200 : 40;
    }
  }
  return { width, height, data };
}

const W = 321;
const H = 181;
const upright = pattern(W, H);
const raw = (img: RgbImage = upright) => sharp(Buffer.from(img.data), { raw: { width: img.width, height: img.height, channels: 3 } });
let dirPromise: Promise<string> | undefined;
const dir = () => (dirPromise ??= mkdtemp(join(tmpdir(), 'image-io-')));
async function fixture(name: string, make: (s: sharp.Sharp) => sharp.Sharp): Promise<string> {
  const path = join(await dir(), name);
  await make(raw()).toFile(path);
  return path;
}

test('PNG, JPEG, WebP and TIFF decode to RGB24 at their own size, with the same picture', async () => {
  const png = await decodeImage(await fixture('still.png', (s) => s.png()));
  assert.deepEqual([png.width, png.height, png.data.length], [W, H, W * H * 3]);
  assert.equal(meanAbsDiff(png.data, upright.data), 0, 'PNG is lossless');
  for (const [name, make] of [['still.jpg', (s: sharp.Sharp) => s.jpeg({ quality: 95, chromaSubsampling: '4:4:4' })], ['still.webp', (s: sharp.Sharp) => s.webp({ quality: 95 })], ['still.tif', (s: sharp.Sharp) => s.tiff({ compression: 'lzw' })]] as const) {
    const img = await decodeImage(await fixture(name, make));
    assert.deepEqual([img.width, img.height], [W, H], name);
    assert.ok(meanAbsDiff(img.data, upright.data) < (name.endsWith('webp') ? 6 : 4), `${name} differs by ${meanAbsDiff(img.data, upright.data)}`);
  }
});

test('16-bit PNG, greyscale, alpha (onto white) and CMYK JPEG all come out as 8-bit sRGB', async () => {
  const deep = await fixture('deep.png', (s) => s.toColourspace('rgb16').png());
  assert.equal((await imageInfo(deep)).bitsPerSample, 16, 'the fixture really is 16-bit');
  const d = await decodeImage(deep);
  assert.ok(meanAbsDiff(d.data, upright.data) <= 0.6, `16-bit differs by ${meanAbsDiff(d.data, upright.data)}`);

  const grey = await fixture('grey.png', (s) => s.toColourspace('b-w').png());
  const gi = await imageInfo(grey);
  assert.equal(gi.channels, 1, 'the fixture really is one channel');
  const g = await decodeImage(grey);
  assert.equal(g.data.length, W * H * 3);
  for (let i = 0; i < g.data.length; i += 3 * 97) assert.ok(g.data[i] === g.data[i + 1] && g.data[i + 1] === g.data[i + 2], 'grey has R = G = B');

  // Left half opaque, right half fully transparent (its hidden colour black): the right half must read as paper.
  const rgba = new Uint8Array(W * H * 4);
  for (let p = 0; p < W * H; p++) {
    const x = p % W;
    rgba.set(x < W / 2 ? [upright.data[p * 3], upright.data[p * 3 + 1], upright.data[p * 3 + 2], 255] : [0, 0, 0, 0], p * 4);
  }
  const alphaPath = join(await dir(), 'alpha.png');
  await sharp(Buffer.from(rgba), { raw: { width: W, height: H, channels: 4 } }).png().toFile(alphaPath);
  assert.equal((await imageInfo(alphaPath)).hasAlpha, true);
  const a = await decodeImage(alphaPath);
  const at = (x: number, y: number) => [...a.data.subarray((y * W + x) * 3, (y * W + x) * 3 + 3)];
  assert.deepEqual(at(W - 3, 50), [255, 255, 255]);
  assert.deepEqual(at(10, 50), [...upright.data.subarray((50 * W + 10) * 3, (50 * W + 10) * 3 + 3)], 'opaque pixels keep their colour');

  // Mid tones, inside the gamut of print inks (saturated screen colours have no CMYK equivalent to come back from).
  const soft: RgbImage = { ...upright, data: upright.data.map((v) => 64 + (v >> 1)) };
  const cmyk = join(await dir(), 'cmyk.jpg');
  await raw(soft).toColourspace('cmyk').jpeg({ quality: 95, chromaSubsampling: '4:4:4' }).toFile(cmyk);
  assert.equal((await imageInfo(cmyk)).space, 'cmyk', 'the fixture really is CMYK');
  const c = await decodeImage(cmyk);
  assert.deepEqual([c.width, c.height], [W, H]);
  assert.ok(meanAbsDiff(c.data, soft.data) < 8, `CMYK differs by ${meanAbsDiff(c.data, soft.data)}`);
});

test('an EXIF-rotated photo comes out upright, and its size is reported upright', async () => {
  // Stored turned a quarter left, with orientation 6 ("turn 90° clockwise to show"): as a phone held upright writes it.
  const path = join(await dir(), 'phone.jpg');
  await raw().rotate(270).jpeg({ quality: 95, chromaSubsampling: '4:4:4' }).withMetadata({ orientation: 6 }).toFile(path);
  const stored = await sharp(path).metadata();
  assert.deepEqual([stored.width, stored.height, stored.orientation], [H, W, 6], 'the fixture is stored sideways');
  const info = await imageInfo(path);
  assert.deepEqual([info.width, info.height, info.orientation], [W, H, 6]);
  const img = await decodeImage(path);
  assert.deepEqual([img.width, img.height], [W, H]);
  assert.ok(meanAbsDiff(img.data, upright.data) < 4, `upright differs by ${meanAbsDiff(img.data, upright.data)}`);
  const { data: wrongWay } = await raw().rotate(180).raw().toBuffer({ resolveWithObject: true });
  assert.ok(meanAbsDiff(img.data, wrongWay) > 30, 'a half turn off would show: the comparison can tell');
  const small = await decodeImage(path, { maxSide: 100 });
  assert.deepEqual([small.width, small.height], [100, 56], 'resizing works on the upright picture');
});

test('resizes: exact width and height, one side keeping the aspect, or a longest-side cap that never enlarges', async () => {
  const path = await fixture('resize.png', (s) => s.png());
  const size = async (o: object) => {
    const i = await decodeImage(path, o);
    assert.equal(i.data.length, i.width * i.height * 3);
    return [i.width, i.height];
  };
  assert.deepEqual(await size({ width: 100, height: 40 }), [100, 40]);
  assert.deepEqual(await size({ width: 160 }), [160, 90]);
  assert.deepEqual(await size({ height: 90 }), [160, 90]);
  assert.deepEqual(await size({ maxSide: 64 }), [64, 36]);
  assert.deepEqual(await size({ maxSide: 2000 }), [W, H]);
  const r = await resizeRgb(upright, 160, 90);
  assert.deepEqual([r.width, r.height, r.data.length], [160, 90, 160 * 90 * 3]);
  assert.ok(meanAbsDiff(r.data, (await decodeImage(path, { width: 160, height: 90 })).data) < 1, 'in memory and from a file resize alike');
});

test('PNG round trip is lossless, JPEG and WebP are close; writes are atomic (no temporary file left)', async () => {
  const out = await mkdtemp(join(tmpdir(), 'image-io-out-'));
  const img = pattern(123, 77);
  const png = join(out, 'pänel 1.png');
  const jpg = join(out, 'pänel 1.jpg');
  const webp = join(out, 'pänel 1.webp');
  await encodeImage(png, img);
  await encodeImage(jpg, img, { quality: 95 });
  await encodeImage(webp, img, { quality: 95 });
  const back = await decodeImage(png);
  assert.deepEqual([back.width, back.height], [123, 77]);
  assert.equal(meanAbsDiff(back.data, img.data), 0);
  for (const f of [jpg, webp]) {
    const lossy = await decodeImage(f);
    assert.ok(meanAbsDiff(lossy.data, img.data) < 6, `${f}: error ${meanAbsDiff(lossy.data, img.data)}`);
  }
  assert.deepEqual((await imageInfo(jpg)).format, 'jpeg');
  assert.deepEqual((await imageInfo(webp)).format, 'webp');
  assert.deepEqual(readdirSync(out).sort(), ['pänel 1.jpg', 'pänel 1.png', 'pänel 1.webp']);
  const low = await encodeImageBytes(img, 'jpeg', { quality: 20 });
  assert.ok(low.length < statSync(jpg).size, 'lower quality gives a smaller file');
  await assert.rejects(encodeImage(join(out, 'x.tiff'), img), /\.png, \.jpg, \.jpeg or \.webp/);
  await assert.rejects(encodeImage(png, { width: 10, height: 10, data: new Uint8Array(5) }), RangeError);
  assert.equal(meanAbsDiff((await decodeImage(png)).data, img.data), 0, 'a failed write leaves the old file intact');
});

/** A PNG whose header claims `width` × `height` (its data is a stub): what a decompression bomb looks like to a reader. */
function pngHeader(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', Buffer.from([120, 156, 3, 0, 0, 0, 0, 1])), chunk('IEND', Buffer.alloc(0))]);
}

test('a missing file, a non-picture, a damaged picture and a decompression bomb each say so, naming the file', async () => {
  await assert.rejects(decodeImage('/nonexistent/dir/pic.png'), { name: 'VideoError', code: 'NOT_FOUND', message: /pic\.png/ });
  const text = fixtureFile('not-an-image.png', 'hello, I am text\n'.repeat(20));
  await assert.rejects(decodeImage(text), { name: 'VideoError', code: 'NOT_AN_IMAGE', message: /not-an-image\.png: not an image file/ });
  const whole = await encodeImageBytes(pattern(200, 150), 'jpeg', { quality: 90 });
  const cut = join(await dir(), 'cut short.jpg');
  writeFileSync(cut, whole.subarray(0, whole.length / 2));
  await assert.rejects(decodeImage(cut), { name: 'VideoError', code: 'CORRUPT', message: /cut short\.jpg: the picture is damaged or incomplete/ });
  const bomb = join(await dir(), 'bomb.png');
  writeFileSync(bomb, pngHeader(20000, 20000));
  assert.ok(statSync(bomb).size < 100, 'a few bytes claim 400 megapixels');
  assert.deepEqual([(await imageInfo(bomb)).width, (await imageInfo(bomb)).height], [20000, 20000]);
  await assert.rejects(decodeImage(bomb), { name: 'VideoError', code: 'TOO_LARGE', message: new RegExp(`bomb\\.png: 20000×20000 pixels \\(400 MP\\) is more than the ${MAX_IMAGE_PIXELS / 1e6} megapixel limit`) });
});
