// Test support: a real HTTP server on 127.0.0.1 (ephemeral port) serving files with Range support, and able to
// misbehave the way real servers and networks do (cut a download midway, 404, trickle bytes).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ServedFile {
  body: Buffer;
  /** The first full (non-Range) request sends this many bytes, then drops the connection. */
  cutFirstAt?: number;
  /** Bytes per chunk and pause between chunks, to make a download slow enough to cancel. */
  trickle?: { chunk: number; ms: number };
}

export interface SeenRequest {
  path: string;
  range?: string;
  status: number;
}

export interface ModelServer {
  url(path: string): string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

async function send(res: import('node:http').ServerResponse, data: Buffer, trickle?: ServedFile['trickle']): Promise<void> {
  if (!trickle) return void res.end(data);
  for (let at = 0; at < data.length && !res.destroyed; at += trickle.chunk) {
    res.write(data.subarray(at, at + trickle.chunk));
    await new Promise((r) => setTimeout(r, trickle.ms));
  }
  res.end();
}

export async function startModelServer(files: Record<string, ServedFile>): Promise<ModelServer> {
  const requests: SeenRequest[] = [];
  const cut = new Set<string>();
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    const file = files[path];
    const range = req.headers.range;
    const seen: SeenRequest = { path, range, status: 0 };
    requests.push(seen);
    if (!file) {
      seen.status = 404;
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const size = file.body.length;
    const m = range ? /^bytes=(\d+)-$/.exec(range) : null;
    if (m) {
      const start = Number(m[1]);
      if (start >= size) {
        seen.status = 416;
        res.writeHead(416, { 'content-range': `bytes */${size}` }).end();
        return;
      }
      seen.status = 206;
      res.writeHead(206, { 'content-length': size - start, 'content-range': `bytes ${start}-${size - 1}/${size}`, 'accept-ranges': 'bytes' });
      void send(res, file.body.subarray(start), file.trickle);
      return;
    }
    seen.status = 200;
    res.writeHead(200, { 'content-length': size, 'accept-ranges': 'bytes', 'content-type': 'application/octet-stream' });
    if (file.cutFirstAt !== undefined && !cut.has(path)) {
      cut.add(path);
      // Flush the first part, then drop the connection like a network failure would.
      res.write(file.body.subarray(0, file.cutFirstAt), () => setTimeout(() => res.socket?.destroy(), 20));
      return;
    }
    void send(res, file.body, file.trickle);
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  server.unref(); // never keeps a test process alive
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
