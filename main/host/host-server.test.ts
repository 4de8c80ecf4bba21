import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiReply, AppInfo, JobEvent, JobTicket, KeyframesResult } from '../../app/api';
import { threeShotClip } from '../api/api-fixtures';
import { startHost, RendererNotBuiltError } from './index';
import { callOverHttp, httpRequest, listenToEvents } from './http-test-client';

process.env.YOUR_CARTOON_DATA = mkdtempSync(join(tmpdir(), 'ycis-host-data-'));

function rendererDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ycis-host-ui-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>ui</title>');
  writeFileSync(join(dir, 'app.js'), 'console.log(1)');
  return dir;
}

test('the page is served to anyone local; every API call needs the token', async (t) => {
  const host = await startHost({ rendererDir: rendererDir() });
  t.after(() => host.close());
  assert.match(host.url, /^http:\/\/127\.0\.0\.1:\d+\/#code=[\w-]{24}$/);
  assert.ok(!host.url.includes(host.token), 'the address carries a one-time code, never the token');
  const page = await httpRequest(host.port, '/');
  assert.equal(page.status, 200);
  assert.match(String(page.headers['content-security-policy']), /default-src 'self'/);
  assert.equal((await httpRequest(host.port, '/app.js')).headers['content-type'], 'text/javascript; charset=utf-8');

  const anonymous = await httpRequest(host.port, '/api/call/appInfo', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"args":[]}' });
  assert.equal(anonymous.status, 401);
  assert.equal(anonymous.json<ApiReply>().ok, false);
  assert.equal((await callOverHttp(host.port, 'wrong-token-wrong-token-wrong-tok', 'appInfo', [])).status, 401);
  assert.equal((await httpRequest(host.port, '/api/events')).status, 401);
  // The token never rides in a URL (it would land in the history and in logs), not even for GETs.
  const queryPost = await httpRequest(host.port, `/api/call/appInfo?token=${host.token}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  assert.equal(queryPost.status, 401);
  assert.equal((await httpRequest(host.port, `/api/events?token=${host.token}`)).status, 401);

  const ok = await callOverHttp(host.port, host.token, 'appInfo', []);
  assert.equal(ok.status, 200);
  const info = ok.json<ApiReply<AppInfo>>();
  assert.ok(info.ok && info.value.host === 'browser' && 'path' in info.value.ffmpeg);
  assert.equal((await callOverHttp(host.port, host.token, 'dispose', [])).status, 404);
});

test('other origins and other host names are refused, token or not', async (t) => {
  const host = await startHost({ rendererDir: rendererDir() });
  t.after(() => host.close());
  const auth = { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' };
  const post = (headers: Record<string, string>) => httpRequest(host.port, '/api/call/appInfo', { method: 'POST', headers: { ...auth, ...headers }, body: '{"args":[]}' });
  assert.equal((await post({ Origin: 'http://evil.example' })).status, 403);
  assert.equal((await post({ Origin: `http://127.0.0.1:${host.port + 1}` })).status, 403);
  assert.equal((await post({ Host: `attacker.example:${host.port}` })).status, 403); // DNS rebinding
  assert.equal((await httpRequest(host.port, '/', { headers: { Host: 'attacker.example' } })).status, 403);
  assert.equal((await post({ Origin: `http://localhost:${host.port}`, Host: `localhost:${host.port}` })).status, 200);
  assert.equal((await post({ 'Content-Type': 'text/plain' })).status, 415);
});

test('a key-frame job over HTTP: events stream progress and the result; its images are served, nothing else is', async (t) => {
  const host = await startHost({ rendererDir: rendererDir() });
  t.after(() => host.close());
  const events = await listenToEvents(host.port, host.token);
  t.after(() => events.close());
  const started = (await callOverHttp(host.port, host.token, 'startKeyframes', [{ video: threeShotClip() }])).json<ApiReply<JobTicket>>();
  assert.ok(started.ok, JSON.stringify(started));
  const id = started.value.job;
  const end = await events.next((e) => e.job === id && e.type !== 'progress');
  assert.equal(end.type, 'done', JSON.stringify(end));
  assert.ok(events.events.some((e) => e.job === id && e.type === 'progress'), 'progress events before the end');
  const result = (end as Extract<JobEvent, { type: 'done' }>).result as KeyframesResult;
  assert.equal(result.document.shots.length, 3);

  const frame = result.frames[0];
  const auth = { Authorization: `Bearer ${host.token}` };
  const image = await httpRequest(host.port, `/images/${frame.image.root}/${encodeURIComponent(frame.image.file)}`, { headers: auth });
  assert.equal(image.status, 200);
  assert.equal(image.headers['content-type'], 'image/jpeg');
  assert.ok(image.body.equals(readFileSync(frame.path)));
  assert.equal((await httpRequest(host.port, `/images/${frame.image.root}/${frame.image.file}`)).status, 401);

  const get = (path: string) => httpRequest(host.port, path, { headers: auth });
  const root = `/images/${frame.image.root}`;
  assert.equal((await get(`${root}/..%2F..%2F..%2Fetc%2Fpasswd`)).status, 403);
  assert.equal((await get(`${root}/..%2Fframes%2F${frame.image.file}`)).status, 403);
  assert.equal((await get(`${root}/%2e%2e/%2e%2e/secret.jpg`)).status, 404); // URL-normalised out of the image route
  assert.equal((await get(`${root}/..\\..\\x.jpg`)).status, 404); // in http URLs a backslash is a slash: normalised away too
  assert.equal((await get(`${root}/..%5C..%5Cx.jpg`)).status, 403);
  assert.equal((await get(`${root}/keyframes.json`)).status, 403);
  assert.equal((await get(`${root}/nope.jpg`)).status, 404);
  assert.equal((await get(`/images/0123456789abcdef/${frame.image.file}`)).status, 404);
  assert.equal((await httpRequest(host.port, '/..%2Fpackage.json')).status, 404);
  assert.equal((await httpRequest(host.port, '/%E0%A4%A.js')).status, 404);
  assert.equal((await get(`${root}/%E0%A4%A.jpg`)).status, 403);

  // The video plays in the editor: served as itself, with range requests (a <video> seeks by asking for bytes).
  assert.ok(result.video, 'the result names the video');
  const videoUrl = `/images/${result.video.root}/${encodeURIComponent(result.video.file)}`;
  const bytes = readFileSync(threeShotClip());
  const whole = await get(videoUrl);
  assert.deepEqual([whole.status, whole.headers['content-type'], whole.headers['accept-ranges']], [200, 'video/mp4', 'bytes']);
  assert.ok(whole.body.equals(bytes));
  const ranged = (range: string) => httpRequest(host.port, videoUrl, { headers: { ...auth, Range: range } });
  const part = await ranged('bytes=100-1099');
  assert.deepEqual([part.status, part.headers['content-range'], part.headers['content-length']], [206, `bytes 100-1099/${bytes.length}`, '1000']);
  assert.ok(part.body.equals(bytes.subarray(100, 1100)));
  const tail = await ranged('bytes=-500');
  assert.deepEqual([tail.status, tail.headers['content-range']], [206, `bytes ${bytes.length - 500}-${bytes.length - 1}/${bytes.length}`]);
  assert.ok(tail.body.equals(bytes.subarray(bytes.length - 500)));
  const open = await ranged(`bytes=${bytes.length - 10}-`);
  assert.ok(open.status === 206 && open.body.equals(bytes.subarray(bytes.length - 10)));
  const past = await ranged(`bytes=${bytes.length}-`);
  assert.deepEqual([past.status, past.headers['content-range'], past.body.length], [416, `bytes */${bytes.length}`, 0]);
  assert.equal((await get(`/images/${result.video.root}/other.mp4`)).status, 403, 'its root serves nothing beside it');
  assert.equal((await get(`/images/${result.video.root}/..%2Fframes%2Fx.jpg`)).status, 403);

  // The filmstrip written during the analysis: an index in the result, its sheets served.
  assert.ok(result.filmstrip, 'a filmstrip');
  const { index } = result.filmstrip;
  assert.equal(index.sheets.length, Math.ceil(index.count / (index.columns * index.rows)));
  const sheet = await get(`/images/${result.filmstrip.root}/${index.sheets[0]}`);
  assert.deepEqual([sheet.status, sheet.headers['content-type']], [200, 'image/jpeg']);
});

test('cancel over HTTP ends the job with a cancelled event; an unbuilt UI is a clear error', async (t) => {
  const host = await startHost({ rendererDir: rendererDir() });
  t.after(() => host.close());
  const events = await listenToEvents(host.port, host.token);
  t.after(() => events.close());
  const started = (await callOverHttp(host.port, host.token, 'startKeyframes', [{ video: threeShotClip(), projectDir: mkdtempSync(join(process.env.YOUR_CARTOON_DATA!, 'ycis-host-cancel-')) }])).json<ApiReply<JobTicket>>();
  assert.ok(started.ok);
  await events.next((e) => e.job === started.value.job && e.type === 'progress');
  const cancelled = await callOverHttp(host.port, host.token, 'cancelJob', [started.value.job]);
  assert.deepEqual(cancelled.json(), { ok: true });
  const end = await events.next((e) => e.job === started.value.job && e.type !== 'progress');
  assert.equal(end.type, 'cancelled');

  await assert.rejects(startHost({ rendererDir: join(tmpdir(), 'ycis-no-ui') }), RendererNotBuiltError);
});

test('sign-in: the one-time code of the address is traded once for an HttpOnly SameSite=Strict cookie', async (t) => {
  const host = await startHost({ rendererDir: rendererDir() });
  t.after(() => host.close());
  const code = /#code=(.+)$/.exec(host.url)![1];
  const trade = (body: unknown, headers: Record<string, string> = {}) =>
    httpRequest(host.port, '/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const first = await trade({ code });
  assert.equal(first.status, 200);
  const cookie = String(first.headers['set-cookie']);
  assert.match(cookie, new RegExp(`^ycis-${host.port}=${host.token}; HttpOnly; SameSite=Strict; Path=/`));
  const jar = { Cookie: cookie.split(';')[0] };
  const withCookie = await httpRequest(host.port, '/api/call/appInfo', { method: 'POST', headers: { ...jar, 'Content-Type': 'application/json' }, body: '{"args":[]}' });
  assert.equal(withCookie.status, 200);
  // Used once: a second browser cannot reuse it (another tab of the first, holding the cookie, is fine).
  const again = await trade({ code });
  assert.equal(again.status, 401);
  assert.match(again.json<ApiReply>().ok ? '' : (again.json<{ error: { message: string } }>().error.message), /used already/);
  assert.equal((await trade({ code }, jar)).status, 200);
  assert.equal((await trade({ code: 'guess' })).status, 401);
  // A cookie of another server (another port) or a wrong one is no key.
  const wrong = { Cookie: `ycis-${host.port}=${'x'.repeat(host.token.length)}` };
  assert.equal((await httpRequest(host.port, '/api/events', { headers: wrong })).status, 401);
  const fresh = /#code=(.+)$/.exec(host.newUrl())![1];
  assert.notEqual(fresh, code);
  assert.equal((await trade({ code: fresh })).status, 200);
});
