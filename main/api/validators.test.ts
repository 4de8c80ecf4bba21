import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileResponse } from './file-response';
import { fileValidators, isNotModified } from './validators';

test('validators come from size and date; If-None-Match decides, If-Modified-Since only without it', () => {
  const st = { size: 1234, mtimeMs: 1_700_000_000_123.456 };
  const v = fileValidators(st);
  assert.equal(v.ETag, fileValidators({ ...st }).ETag);
  assert.notEqual(v.ETag, fileValidators({ ...st, size: 1235 }).ETag);
  assert.notEqual(v.ETag, fileValidators({ ...st, mtimeMs: st.mtimeMs + 0.01 }).ETag);
  assert.ok(isNotModified(v.ETag, undefined, st));
  assert.ok(isNotModified(`W/${v.ETag}`, undefined, st));
  assert.ok(isNotModified('*', undefined, st));
  assert.ok(!isNotModified('"nope"', v['Last-Modified'], st), 'a tag that does not match wins over the date');
  assert.ok(isNotModified(undefined, v['Last-Modified'], st));
  assert.ok(!isNotModified(undefined, new Date(st.mtimeMs - 2000).toUTCString(), st));
  assert.ok(!isNotModified(undefined, 'not a date', st));
  assert.ok(!isNotModified(undefined, undefined, st));
});

test("Electron's image protocol answers 304 to a current copy and the bytes otherwise", async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'ycis-validators-')), 'k.jpg');
  writeFileSync(file, Buffer.alloc(100, 7));
  const req = (headers: Record<string, string> = {}) => ({ method: 'GET', headers: new Headers(headers) });
  const first = await fileResponse(file, req());
  assert.equal(first.status, 200);
  const etag = first.headers.get('etag')!;
  assert.equal(etag, fileValidators(statSync(file)).ETag);
  assert.equal((await first.arrayBuffer()).byteLength, 100);
  const again = await fileResponse(file, req({ 'if-none-match': etag }));
  assert.equal(again.status, 304);
  assert.equal(again.body, null);
  const range = await fileResponse(file, req({ 'if-none-match': etag, range: 'bytes=0-9' }));
  assert.equal(range.status, 206);
});
