import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RgbImage } from '../../../app/video';
import { stylizeImage, shutdownInference } from './stylize-image';

after(() => shutdownInference());

function picture(): RgbImage {
  const width = 64;
  const height = 48;
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < data.length; i++) data[i] = (i * 37) % 256;
  return { width, height, data };
}

test('a picture handed over moves to the inference worker without a copy, and comes back stylized alike', async () => {
  const kept = picture();
  const given = picture();
  const a = await stylizeImage(kept, { provider: 'cpu' });
  assert.equal(kept.data.byteLength, 64 * 48 * 3, 'by default the caller keeps its pixels (they are copied)');
  const b = await stylizeImage(given, { provider: 'cpu', transferImage: true });
  assert.equal(given.data.byteLength, 0, 'handed over: the buffer moved (detached here)');
  assert.ok(Buffer.from(a.image.data).equals(Buffer.from(b.image.data)), 'the same picture either way');
  assert.equal(b.image.data.buffer.byteLength, b.image.data.byteLength, 'the result came back in a buffer of its own (moved, not sliced from a copy)');
});
