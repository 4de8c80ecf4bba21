import { request } from 'node:http';
import type { JobEvent } from '../../app/api';

export interface HttpReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  json<T = unknown>(): T;
}

/** A plain node:http request (unlike fetch it may set any Host/Origin header, as a hostile client would). */
export function httpRequest(
  port: number,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<HttpReply> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        done({ status: res.statusCode ?? 0, headers: res.headers, body, json: <T>() => JSON.parse(body.toString('utf8')) as T });
      });
    });
    req.on('error', fail);
    req.end(opts.body);
  });
}

/** Calls one ComicApi command over HTTP as the renderer's client does. */
export function callOverHttp(port: number, token: string, command: string, args: unknown[]): Promise<HttpReply> {
  return httpRequest(port, `/api/call/${command}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ args }),
  });
}

/** Listens to /api/events (Server-Sent Events); resolves once the stream is open. */
export function listenToEvents(port: number, token: string): Promise<{ events: JobEvent[]; next: (pred: (e: JobEvent) => boolean) => Promise<JobEvent>; close: () => void }> {
  return new Promise((opened, fail) => {
    const events: JobEvent[] = [];
    const waiters: Array<{ pred: (e: JobEvent) => boolean; done: (e: JobEvent) => void }> = [];
    const req = request({ host: '127.0.0.1', port, path: '/api/events', headers: { Authorization: `Bearer ${token}` } }, (res) => {
      if (res.statusCode !== 200) return fail(new Error(`events: HTTP ${res.statusCode}`));
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
          if (!data) continue;
          const event = JSON.parse(data) as JobEvent;
          events.push(event);
          for (const w of [...waiters]) {
            if (!w.pred(event)) continue;
            waiters.splice(waiters.indexOf(w), 1);
            w.done(event);
          }
        }
      });
      opened({
        events,
        next: (pred) => new Promise((done) => {
          const seen = events.find(pred);
          if (seen) done(seen);
          else waiters.push({ pred, done });
        }),
        close: () => req.destroy(),
      });
    });
    req.on('error', (e) => (e.message.includes('socket hang up') ? undefined : fail(e)));
    req.end();
  });
}
