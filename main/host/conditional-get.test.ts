import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost } from './index';
import { httpRequest } from './http-test-client';

process.env.YOUR_CARTOON_DATA = mkdtempSync(join(tmpdir(), 'ycis-host-data-'));

test('a served file carries an ETag; asked again with it, the answer is 304 without the bytes, until the file changes', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'ycis-host-ui-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>ui</title>');
  writeFileSync(join(dir, 'app.js'), 'console.log(1)');
  const host = await startHost({ rendererDir: dir });
  t.after(() => host.close());
  const first = await httpRequest(host.port, '/app.js');
  assert.equal(first.status, 200);
  const etag = String(first.headers.etag);
  assert.match(etag, /^"[0-9a-f]+-[0-9a-f]+"$/);
  assert.ok(first.headers['last-modified']);
  assert.equal(first.headers['cache-control'], 'no-cache', 'revalidated on each use: files are rewritten under their names');

  const again = await httpRequest(host.port, '/app.js', { headers: { 'If-None-Match': etag } });
  assert.equal(again.status, 304);
  assert.equal(again.body.length, 0);
  assert.equal(again.headers.etag, etag);
  assert.equal((await httpRequest(host.port, '/app.js', { headers: { 'If-None-Match': `"x", W/${etag}` } })).status, 304, 'weak comparison, any tag listed');
  assert.equal((await httpRequest(host.port, '/app.js', { headers: { 'If-None-Match': '"other"' } })).status, 200);
  const ranged = await httpRequest(host.port, '/app.js', { headers: { 'If-None-Match': etag, Range: 'bytes=0-3' } });
  assert.equal(ranged.status, 206, 'a range request gets its bytes');

  // Rewritten under the same name (a re-analysis writes the same key-frame names): sent whole, with a new tag.
  writeFileSync(join(dir, 'app.js'), 'console.log(2)');
  utimesSync(join(dir, 'app.js'), new Date(), new Date(Date.now() + 5000));
  const changed = await httpRequest(host.port, '/app.js', { headers: { 'If-None-Match': etag } });
  assert.equal(changed.status, 200);
  assert.equal(changed.body.toString(), 'console.log(2)');
  assert.notEqual(changed.headers.etag, etag);
});
