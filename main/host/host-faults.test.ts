// The browser host under faults (docs/robustness.md lists each case by these test names): no request, file-system
// error or race takes the process down; each becomes an answer and, where the host is at fault, a log line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiReply, JobTicket } from '../../app/api';
import type { Project } from '../../app/project';
import { oneShotProject } from '../../test-support/project-fixture';
import { threeShotClip } from '../api/api-fixtures';
import { writeFileAtomic, writeProject } from '../services/store';
import { armFailpoints, errnoError } from '../services/store/failpoints';
import { callOverHttp, httpRequest } from './http-test-client';
import { startHost } from './index';

process.env.YOUR_CARTOON_DATA = mkdtempSync(join(tmpdir(), 'ycis-host-faults-data-'));
const BIG = 8 << 20;

function rendererDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ycis-host-faults-ui-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>ui</title>');
  writeFileSync(join(dir, 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'big.png'), Buffer.alloc(BIG, 0x41));
  return dir;
}

async function hostWithLog() {
  const lines: string[] = [];
  const dir = rendererDir();
  const host = await startHost({ rendererDir: dir, log: (l) => lines.push(l) });
  return { host, dir, lines };
}

/** GET a file, pausing after its first chunk until `whilePaused` has run; resolves with what arrived and how it ended. */
function slowGet(port: number, path: string, whilePaused: () => Promise<void>): Promise<{ status: number; length: number; bytes: Buffer; complete: boolean }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path }, (res) => {
      const chunks: Buffer[] = [];
      let paused = false;
      res.on('data', (c: Buffer) => {
        chunks.push(c);
        if (paused) return;
        paused = true;
        res.pause();
        whilePaused().then(() => res.resume(), fail);
      });
      const finish = (complete: boolean) => done({ status: res.statusCode ?? 0, length: Number(res.headers['content-length']), bytes: Buffer.concat(chunks), complete });
      res.on('end', () => finish(res.complete));
      res.on('aborted', () => finish(false));
      res.on('error', () => finish(false));
    });
    req.on('error', fail);
    req.end();
  });
}

test('host: an unreadable file is a 403/500 answer naming it, and the host goes on', async (t) => {
  const { host, dir, lines } = await hostWithLog();
  t.after(() => host.close());
  let restore = () => undefined as void;
  if (process.getuid?.() === 0) {
    // root reads any file whatever its mode: inject the refusal the kernel gives others.
    restore = armFailpoints((step, path) => (step === 'open-read' && path.endsWith('app.js') ? errnoError('EACCES', path) : undefined));
  } else chmodSync(join(dir, 'app.js'), 0o000);
  const refused = await httpRequest(host.port, '/app.js');
  restore();
  assert.equal(refused.status, 403);
  assert.match(refused.json<{ error: { message: string } }>().error.message, /\/app\.js: cannot read it \(no permission/);
  const broken = armFailpoints((step, path) => (step === 'open-read' && path.endsWith('app.js') ? errnoError('EIO', path) : undefined));
  const failed = await httpRequest(host.port, '/app.js');
  broken();
  assert.equal(failed.status, 500);
  assert.match(lines.join('\n'), /app\.js: cannot read it \(the disk could not be read or written/);
  assert.equal((await httpRequest(host.port, '/')).status, 200, 'still serving');
});

test('host: a file replaced or cut short while it is served: the old one is sent whole, or that response ends; the host goes on', async (t) => {
  const { host, dir } = await hostWithLog();
  t.after(() => host.close());
  const file = join(dir, 'big.png');
  // Renamed over (as every save here does): the open handle still reads the file as it was.
  const replaced = await slowGet(host.port, '/big.png', () => writeFileAtomic(file, Buffer.alloc(1000, 0x42)));
  assert.equal(replaced.status, 200);
  assert.ok(replaced.complete && replaced.bytes.equals(Buffer.alloc(BIG, 0x41)), 'the old content, whole');
  assert.equal((await httpRequest(host.port, '/big.png')).body.length, 1000, 'the new file afterwards');
  // Cut short in place: the response ends early (the client sees an incomplete body), nothing else happens.
  writeFileSync(file, Buffer.alloc(BIG, 0x43));
  const cut = await slowGet(host.port, '/big.png', async () => truncateSync(file, 10));
  assert.equal(cut.length, BIG);
  assert.ok(!cut.complete || cut.bytes.length < BIG, 'an incomplete response');
  assert.equal((await httpRequest(host.port, '/')).status, 200, 'still serving');
});

test('host: a 5 MB body is read and answered; one over the limit gets 413 with a message, with or without its length', async (t) => {
  const { host } = await hostWithLog();
  t.after(() => host.close());
  const headers = { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' };
  const project = { schema: 1, video: { path: '/x.mp4' }, shots: [], keyframes: [], pad: 'x'.repeat(5 << 20) };
  const five = await httpRequest(host.port, '/api/call/saveProject', { method: 'POST', headers, body: JSON.stringify({ args: [{ projectDir: mkdtempSync(join(process.env.YOUR_CARTOON_DATA!, 'ycis-5mb-')), project }] }) });
  assert.equal(five.status, 200);
  assert.match(five.json<{ error: { message: string } }>().error.message, /no project there/);
  const huge = JSON.stringify({ args: [{ pad: 'x'.repeat(20 << 20) }] });
  const declared = await httpRequest(host.port, '/api/call/saveProject', { method: 'POST', headers, body: huge });
  assert.equal(declared.status, 413);
  assert.match(declared.json<{ error: { message: string } }>().error.message, /saveProject: the request is too large \(20\.0 MB; the limit is 16\.0 MB\)/);
  // Sent in chunks without a Content-Length: refused once it ends.
  const chunked = await new Promise<{ status: number; body: string }>((done, fail) => {
    const req = request({ host: '127.0.0.1', port: host.port, path: '/api/call/saveProject', method: 'POST', headers: { ...headers, 'Transfer-Encoding': 'chunked' } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => done({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
    for (let i = 0; i < 20; i++) req.write(Buffer.alloc(1 << 20, 0x20));
    req.end();
  });
  assert.equal(chunked.status, 413);
  assert.match(chunked.body, /too large/);
  assert.equal((await callOverHttp(host.port, host.token, 'appInfo', [])).status, 200, 'still serving');
});

test('host: 200 idle connections (and 200 half-sent requests) do not stop it answering', async (t) => {
  const { host } = await hostWithLog();
  t.after(() => host.close());
  const sockets: Socket[] = [];
  t.after(() => sockets.forEach((s) => s.destroy()));
  await Promise.all(
    Array.from({ length: 400 }, (_, i) => new Promise<void>((done, fail) => {
      const s = connect(host.port, '127.0.0.1', () => {
        if (i % 2) s.write('POST /api/call/appInfo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n');
        done();
      });
      s.on('error', fail);
      sockets.push(s);
    })),
  );
  const started = Date.now();
  const reply = await callOverHttp(host.port, host.token, 'appInfo', []);
  assert.equal(reply.status, 200);
  assert.ok(Date.now() - started < 5000, `answered in ${Date.now() - started} ms`);
});

test('serve: SIGTERM during an analysis cancels the job, closes the connections and exits 0 (no abort)', { timeout: 60_000 }, async () => {
  const bin = join(__dirname, '..', '..', 'bin', 'your-cartoon.js');
  const dir = rendererDir();
  const child = spawn(process.execPath, [bin, 'serve', '--renderer', dir], {
    env: { ...process.env, YOUR_CARTOON_FROM_SOURCE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  const exited = new Promise<{ code: number | null; signal: string | null }>((done) => child.on('exit', (code, signal) => done({ code, signal })));
  const url = await new Promise<string>((done) => {
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#code=\S+)/.exec(out);
      if (m) done(m[1]);
    });
  });
  assert.doesNotMatch(url, /token/, 'the address carries a one-time code, not the token');
  const port = Number(/:(\d+)\//.exec(url)![1]);
  const signIn = await httpRequest(port, '/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: /#code=(.+)$/.exec(url)![1] }) });
  const cookie = String(signIn.headers['set-cookie']).split(';')[0];
  const events = await new Promise<string[]>((done) => {
    const seen: string[] = [];
    const req = request({ host: '127.0.0.1', port, path: '/api/events', headers: { Cookie: cookie } }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        seen.push(c);
        if (c.includes('"progress"')) child.kill('SIGTERM');
      });
      res.on('end', () => done(seen));
      res.on('error', () => done(seen));
    });
    req.on('error', () => done(seen));
    req.end();
    void httpRequest(port, '/api/call/startKeyframes', {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/json' },
      body: JSON.stringify({ args: [{ video: threeShotClip(), projectDir: mkdtempSync(join(process.env.YOUR_CARTOON_DATA!, 'ycis-sigterm-')) }] }),
    }).then((r) => assert.ok(r.json<ApiReply<JobTicket>>().ok));
  });
  const end = await exited;
  assert.deepEqual(end, { code: 0, signal: null }, stderr);
  assert.ok(events.join('').includes('"progress"'), 'the job was running');
  assert.match(stderr, /serve: stopped/);
  assert.doesNotMatch(stderr, /terminate called|Aborted|Unhandled|at .*\.ts:\d+/);
});

test('host: concurrent saves from two clients on one revision: one is saved, the other refused with PROJECT_CONFLICT', async (t) => {
  const { host } = await hostWithLog();
  t.after(() => host.close());
  const projectDir = mkdtempSync(join(process.env.YOUR_CARTOON_DATA!, 'ycis-two-clients-'));
  const saved = await writeProject(projectDir, oneShotProject([40, 80]));
  const edit = (status: 'accepted' | 'rejected') => ({ ...saved, keyframes: saved.keyframes.map((k) => ({ ...k, status })) });
  const replies = await Promise.all(
    (['accepted', 'rejected'] as const).map((s) => callOverHttp(host.port, host.token, 'saveProject', [{ projectDir, project: edit(s), baseRevision: saved.revision }])),
  );
  const outcomes = replies.map((r) => r.json<ApiReply<{ revision: number }>>());
  const won = outcomes.findIndex((o) => o.ok);
  assert.ok(won >= 0, JSON.stringify(outcomes));
  const lost = outcomes[1 - won];
  assert.ok(!lost.ok && lost.error.code === 'PROJECT_CONFLICT', JSON.stringify(lost));
  const onDisk = JSON.parse(readFileSync(join(projectDir, 'project.json'), 'utf8')) as Project;
  assert.deepEqual([onDisk.revision, onDisk.keyframes[0].status], [2, won === 0 ? 'accepted' : 'rejected']);
});
