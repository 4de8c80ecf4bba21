import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createComicApi, dispatchCommand, imageContentType, imageRefFromUrlPath, type ComicService } from '../api';
import { streamJobEvents } from './job-events-stream';
import { uploadModel } from './model-upload';
import { checkOrigin, checkToken } from './request-guard';
import { BASE_HEADERS, sendError, sendJson } from './responses';
import { assertRendererBuilt, sendRendererFile } from './static-files';

export interface HostOptions {
  /** Built renderer folder (index.html, app.js, app.css). */
  rendererDir: string;
  /** 0 (default): any free port. */
  port?: number;
  /** Default: a new service owned (and disposed) by the host. */
  service?: ComicService;
}

export interface RunningHost {
  port: number;
  /** The page's address with the token in the fragment (never sent to the server, never in a Referer). */
  url: string;
  token: string;
  service: ComicService;
  /** Stops listening, drops event streams and, when the host made the service, cancels its jobs. */
  close(): Promise<void>;
}

const MAX_BODY = 1 << 20;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((done, fail) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        fail(Object.assign(new Error('request body too large'), { status: 413 }));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

async function callCommand(req: IncomingMessage, res: ServerResponse, service: ComicService, command: string): Promise<void> {
  if (req.method !== 'POST') return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'commands are POST requests');
  // A JSON content type forces a CORS preflight on any cross-site attempt, which this server never answers.
  if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return sendError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'commands take application/json');
  }
  let args: unknown;
  try {
    const body = await readBody(req);
    args = body ? (JSON.parse(body) as { args?: unknown }).args ?? [] : [];
  } catch (err) {
    const status = (err as { status?: number }).status ?? 400;
    return sendError(res, status, 'BAD_REQUEST', `bad request body: ${(err as Error).message}`);
  }
  const reply = await dispatchCommand(service, command, args);
  sendJson(res, !reply.ok && reply.error.code === 'UNKNOWN_COMMAND' ? 404 : 200, reply);
}

async function sendImage(res: ServerResponse, service: ComicService, root: string, encodedPath: string): Promise<void> {
  let path: string;
  try {
    path = await service.resolveImage(imageRefFromUrlPath(root, encodedPath));
  } catch (err) {
    const code = (err as { code?: string }).code ?? 'IMAGE_NOT_FOUND';
    return sendError(res, code === 'IMAGE_FORBIDDEN' ? 403 : 404, code, (err as Error).message);
  }
  res.writeHead(200, { ...BASE_HEADERS, 'Content-Type': imageContentType(path), 'Cache-Control': 'no-cache' });
  createReadStream(path).pipe(res);
}

async function route(req: IncomingMessage, res: ServerResponse, host: { port: number; token: string; service: ComicService; rendererDir: string }) {
  const refusal = checkOrigin(req, host.port);
  if (refusal) return sendError(res, refusal.status, refusal.code, refusal.message);
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${host.port}`);
  const path = url.pathname;
  if (path.startsWith('/api/') || path.startsWith('/images/')) {
    const isGet = req.method === 'GET';
    const denied = checkToken(req, url, host.token, isGet);
    if (denied) return sendError(res, denied.status, denied.code, denied.message);
    const command = /^\/api\/call\/([A-Za-z]+)$/.exec(path)?.[1];
    if (command) return callCommand(req, res, host.service, command);
    if (path === '/api/events' && isGet) return streamJobEvents(req, res, host.service);
    if (path === '/api/upload-model' && req.method === 'POST') return uploadModel(req, res, host.service, url);
    const image = /^\/images\/([0-9a-f]+)\/(.+)$/.exec(path);
    if (image && isGet) {
      return sendImage(res, host.service, image[1], image[2]);
    }
    return sendError(res, 404, 'NOT_FOUND', `no such endpoint ${path}`);
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'the page is read-only');
  if (!(await sendRendererFile(res, host.rendererDir, path))) sendError(res, 404, 'NOT_FOUND', `no such file ${path}`);
}

/**
 * The browser host: the built renderer and the ComicApi over HTTP on 127.0.0.1 only, job events as Server-Sent
 * Events, images of the API's output folders; every API and image request needs the per-run random token.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  assertRendererBuilt(options.rendererDir);
  const service = options.service ?? createComicApi({ host: 'browser' });
  const token = randomBytes(24).toString('base64url');
  const state = { port: 0, token, service, rendererDir: options.rendererDir };
  const server = createServer((req, res) => {
    route(req, res, state).catch((err: Error) => {
      if (!res.headersSent) sendError(res, 500, 'INTERNAL', err.message);
      else res.destroy();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => done());
  });
  state.port = (server.address() as AddressInfo).port;
  return {
    port: state.port,
    url: `http://127.0.0.1:${state.port}/#token=${token}`,
    token,
    service,
    close: async () => {
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await closed;
      if (!options.service) await service.dispose();
    },
  };
}
