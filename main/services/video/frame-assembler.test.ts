import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FrameAssembler } from './frame-assembler';

function stream(frames: number, size: number): Buffer {
  const b = Buffer.alloc(frames * size);
  for (let i = 0; i < b.length; i++) b[i] = (i * 7 + Math.floor(i / size)) & 255;
  return b;
}

test('reassembles frames exactly from chunks of any size, including chunks holding several frames', () => {
  const size = 1000;
  const bytes = stream(25, size);
  for (const chunk of [1, 7, 999, 1000, 1001, 2500, 65536]) {
    const a = new FrameAssembler(size);
    const frames: Buffer[] = [];
    for (let o = 0; o < bytes.length; o += chunk) frames.push(...a.push(bytes.subarray(o, o + chunk)));
    assert.equal(frames.length, 25, `chunk ${chunk}`);
    frames.forEach((f, i) => assert.ok(f.equals(bytes.subarray(i * size, (i + 1) * size)), `chunk ${chunk} frame ${i}`));
    assert.equal(a.pendingBytes, 0);
  }
});

test('frames handed out are independent copies: later chunks and reused chunk memory never change them', () => {
  const a = new FrameAssembler(4);
  const chunk = Buffer.from([1, 2, 3, 4, 5, 6]);
  const [first] = a.push(chunk);
  chunk.fill(9); // a stream may reuse its chunk memory: the bytes 5, 6 were already copied
  const [second] = a.push(Buffer.from([7, 8]));
  assert.deepEqual([...first], [1, 2, 3, 4]);
  assert.deepEqual([...second], [5, 6, 7, 8]);
});

test('reports the bytes of an unfinished last frame', () => {
  const a = new FrameAssembler(10);
  assert.equal(a.push(Buffer.alloc(13)).length, 1);
  assert.equal(a.pendingBytes, 3);
  assert.throws(() => new FrameAssembler(0), RangeError);
});

test('assembling is linear: 200 MB in 64 KiB chunks takes well under a second per 100 MB', () => {
  const size = 256 * 144 * 3;
  const chunk = Buffer.alloc(65536, 1);
  const a = new FrameAssembler(size);
  const started = process.hrtime.bigint();
  let frames = 0;
  for (let sent = 0; sent < 200e6; sent += chunk.length) frames += a.push(chunk).length;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  assert.equal(frames, Math.floor((Math.ceil(200e6 / 65536) * 65536) / size));
  assert.ok(seconds < 2, `took ${seconds.toFixed(2)} s`);
});
