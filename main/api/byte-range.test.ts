import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerRange, rangeHeaders } from './byte-range';
import { fileResponse } from './file-response';

test('range answers: a single byte range (206), suffixes and open ends, past the end (416), the rest ignored (200)', () => {
  assert.deepEqual(answerRange(undefined, 1000), { status: 200, start: 0, end: 999 });
  assert.deepEqual(answerRange('bytes=0-99', 1000), { status: 206, start: 0, end: 99 });
  assert.deepEqual(answerRange('bytes=900-', 1000), { status: 206, start: 900, end: 999 });
  assert.deepEqual(answerRange('bytes=900-5000', 1000), { status: 206, start: 900, end: 999 }, 'the end clamped');
  assert.deepEqual(answerRange('bytes=-100', 1000), { status: 206, start: 900, end: 999 });
  assert.deepEqual(answerRange('bytes=-5000', 1000), { status: 206, start: 0, end: 999 });
  assert.deepEqual(answerRange('bytes=999-999', 1000), { status: 206, start: 999, end: 999 });
  assert.deepEqual(answerRange('bytes=1000-', 1000), { status: 416 });
  assert.deepEqual(answerRange('bytes=-0', 1000), { status: 416 });
  assert.deepEqual(answerRange('bytes=0-', 0), { status: 416 }, 'nothing to give from an empty file');
  for (const ignored of ['bytes=5-2', 'bytes=0-1,5-6', 'items=0-1', 'bytes=-', 'nonsense']) {
    assert.deepEqual(answerRange(ignored, 1000), { status: 200, start: 0, end: 999 }, ignored);
  }
  assert.deepEqual(rangeHeaders({ status: 206, start: 10, end: 19 }, 1000), { 'Accept-Ranges': 'bytes', 'Content-Length': '10', 'Content-Range': 'bytes 10-19/1000' });
  assert.deepEqual(rangeHeaders({ status: 416 }, 1000), { 'Accept-Ranges': 'bytes', 'Content-Range': 'bytes */1000', 'Content-Length': '0' });
  assert.deepEqual(rangeHeaders({ status: 200, start: 0, end: 999 }, 1000), { 'Accept-Ranges': 'bytes', 'Content-Length': '1000' });
});

test('Electron’s file response: the bytes asked for with 206, 416 past the end, the whole file otherwise', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ycis-range-'));
  const path = join(dir, 'clip.mp4');
  const bytes = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251));
  writeFileSync(path, bytes);
  const ask = (range?: string, method = 'GET') => fileResponse(path, { method, headers: new Headers(range ? { Range: range } : {}) });
  const whole = await ask();
  assert.deepEqual([whole.status, whole.headers.get('content-type'), whole.headers.get('accept-ranges')], [200, 'video/mp4', 'bytes']);
  assert.ok(Buffer.from(await whole.arrayBuffer()).equals(bytes));
  const part = await ask('bytes=1000-1999');
  assert.deepEqual([part.status, part.headers.get('content-range'), part.headers.get('content-length')], [206, 'bytes 1000-1999/5000', '1000']);
  assert.ok(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(1000, 2000)));
  const past = await ask('bytes=5000-');
  assert.deepEqual([past.status, past.headers.get('content-range')], [416, 'bytes */5000']);
  const head = await ask('bytes=0-9', 'HEAD');
  assert.deepEqual([head.status, head.headers.get('content-length'), (await head.arrayBuffer()).byteLength], [206, '10', 0]);
});
