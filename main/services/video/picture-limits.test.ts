import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { captureIO } from '../../../test-support/cli-capture';
import { main } from '../../cli';
import { decodeImage } from './image-io';
import { MAX_PICTURE_PIXELS } from './picture-limits';
import { fixtureFile } from './video-fixtures';

/** A PNG that declares width×height but carries almost no data: a decompression bomb's header. */
function bombPng(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(64))), chunk('IEND', Buffer.alloc(0))]);
}

test('limits: a picture declaring 40000×40000 pixels is refused from its header, at once, naming the limit', async () => {
  const bomb = fixtureFile('bomb-40000.png', bombPng(40000, 40000));
  const started = Date.now();
  await assert.rejects(decodeImage(bomb), {
    code: 'TOO_LARGE',
    message: /^bomb-40000\.png: the picture is 40000×40000 \(1600 megapixels\); the largest picture this app reads is 100 megapixels$/,
  });
  assert.ok(Date.now() - started < 3000, `refused in ${Date.now() - started} ms`);
  assert.ok(40000 * 40000 > MAX_PICTURE_PIXELS);
});

test('limits: absurd --size and --tile are refused before any work, naming the limit', async () => {
  let c = captureIO();
  assert.equal(await main(['stylize', 'a.png', '--out', 'x', '--size', '20000'], c.io), 2);
  assert.match(c.err(), /--size must be a number between 0 and 8192 \(got "20000"\)/);
  c = captureIO();
  assert.equal(await main(['stylize', 'a.png', '--out', 'x', '--tile', '100000'], c.io), 2);
  assert.match(c.err(), /--tile must be a number between 0 and 4096/);
});
