import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiReply, AppInfo, UploadedVideo } from '../../app/api';
import { threeShotClip } from '../api/api-fixtures';
import { DEFAULT_UPLOAD_MAX_BYTES, uploadMaxBytes } from '../api/upload-limit';
import { callOverHttp } from './http-test-client';
import { startHost } from './index';
import { safeUploadName, uploadsDir } from './upload';

process.env.YOUR_CARTOON_DATA = mkdtempSync(join(tmpdir(), 'ycis-upload-data-'));

function rendererDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ycis-upload-ui-'));
  require('node:fs').writeFileSync(join(dir, 'index.html'), '<!doctype html><title>ui</title>');
  return dir;
}

interface Sent { status: number; reply?: ApiReply<UploadedVideo>; error?: string }

/** POSTs `body` to /api/upload; with `cutAfter`, sends only that many bytes of a body declared whole, then hangs up. */
function upload(port: number, token: string, name: string, body: Buffer, opts: { cutAfter?: number; chunked?: boolean } = {}): Promise<Sent> {
  return new Promise((done) => {
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/octet-stream' };
    if (!opts.chunked) headers['Content-Length'] = String(body.length);
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: `/api/upload?name=${encodeURIComponent(name)}`, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, reply: JSON.parse(Buffer.concat(chunks).toString('utf8')) as ApiReply<UploadedVideo> }));
    });
    req.on('error', (e) => done({ status: 0, error: e.message }));
    if (opts.cutAfter !== undefined) {
      // Hung up only once the host holds part of the file: that part is what must not stay.
      req.write(body.subarray(0, opts.cutAfter), () =>
        void until('the host is receiving', () => leftovers().some((f) => f.endsWith('.part'))).then(() => req.destroy()),
      );
    } else {
      for (let i = 0; i < body.length; i += 64 * 1024) req.write(body.subarray(i, i + 64 * 1024));
      req.end();
    }
  });
}

/** Every file under uploads/, temporary ones included. */
function leftovers(): string[] {
  const dir = uploadsDir();
  return existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }) : [];
}

async function until(what: string, holds: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !holds(); i++) await new Promise((r) => setTimeout(r, 50));
  assert.ok(holds(), what);
}

test('upload: a video is streamed into the data folder and probed; the limit is stated in appInfo', async (t) => {
  const host = await startHost({ rendererDir: rendererDir() });
  t.after(() => host.close());
  const info = (await callOverHttp(host.port, host.token, 'appInfo', [])).json<ApiReply<AppInfo>>();
  assert.ok(info.ok && info.value.uploadMaxBytes === DEFAULT_UPLOAD_MAX_BYTES);

  const bytes = readFileSync(threeShotClip());
  const sent = await upload(host.port, host.token, 'My clip (1).mp4', bytes);
  assert.equal(sent.status, 200, JSON.stringify(sent));
  assert.ok(sent.reply?.ok);
  const up = sent.reply.value;
  assert.equal(up.name, 'My clip (1).mp4');
  assert.match(up.path, new RegExp(`^${uploadsDir().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/[0-9a-f]{16}/My clip \\(1\\)\\.mp4$`));
  assert.deepEqual(readFileSync(up.path), bytes);
  assert.deepEqual([up.size, up.info.width, up.info.height, up.info.frameCount], [bytes.length, 320, 240, 150]);
  // The same file again: the same place (so the same project), no second copy.
  const again = await upload(host.port, host.token, 'My clip (1).mp4', bytes, { chunked: true });
  assert.equal(again.reply?.ok && again.reply.value.path, up.path);
  assert.deepEqual(leftovers().filter((f) => f.endsWith('.part')), []);
  // Without the token: refused before a byte is stored.
  assert.equal((await upload(host.port, 'not-the-token-not-the-token-not-t', 'x.mp4', bytes)).status, 401);
});

test('upload: not a video, over the limit, cut off half-way: a clear error (or a closed connection) and nothing left', async (t) => {
  const host = await startHost({ rendererDir: rendererDir() });
  t.after(() => host.close());
  const before = leftovers();

  const text = await upload(host.port, host.token, 'notes.txt', Buffer.from('These are my notes, not a film.\n'.repeat(200)));
  assert.equal(text.status, 415);
  assert.ok(text.reply && !text.reply.ok);
  assert.equal(text.reply.error.code, 'NOT_A_VIDEO');
  assert.match(text.reply.error.message, /^notes\.txt: /);
  assert.deepEqual(leftovers(), before, 'a refused file is not kept');

  process.env.YOUR_CARTOON_UPLOAD_MAX_BYTES = '100000';
  t.after(() => delete process.env.YOUR_CARTOON_UPLOAD_MAX_BYTES);
  assert.equal(uploadMaxBytes(), 100000);
  const bytes = readFileSync(threeShotClip());
  assert.ok(bytes.length > 100000);
  const declared = await upload(host.port, host.token, 'big.mp4', bytes);
  assert.equal(declared.status, 413, JSON.stringify(declared));
  assert.ok(declared.reply && !declared.reply.ok && /big\.mp4: .* larger than the 0\.1 MiB/.test(declared.reply.error.message));
  // Sent without a length: stopped when the count passes the limit.
  const streamed = await upload(host.port, host.token, 'big.mp4', bytes, { chunked: true });
  assert.ok(streamed.status === 413 || streamed.status === 0, JSON.stringify(streamed));
  await until('the over-limit upload leaves nothing', () => leftovers().length === before.length);
  delete process.env.YOUR_CARTOON_UPLOAD_MAX_BYTES;

  const cut = await upload(host.port, host.token, 'half.mp4', bytes, { cutAfter: Math.floor(bytes.length / 2) });
  assert.equal(cut.status, 0, 'the client hung up');
  await until(`the half upload leaves nothing: ${leftovers().join(', ')}`, () => leftovers().length === before.length);
  assert.equal(safeUploadName('../../etc/passwd'), 'passwd');
  assert.equal(safeUploadName('..'), 'video');
  assert.equal(safeUploadName('a:b*?.mp4'), 'a_b_.mp4');
});
