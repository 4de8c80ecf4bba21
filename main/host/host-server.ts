import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createComicApi, dispatchCommand, imageContentType, imageRefFromUrlPath, type ComicService } from '../api';
import { dataDir } from '../services/store';
import { sendFont } from './font-route';
import { streamJobEvents } from './job-events-stream';
import { uploadModel } from './model-upload';
import { HostSessions } from './host-session';
import { readBody } from './read-body';
import { checkOrigin, UNAUTHORIZED } from './request-guard';
import { sendError, sendJson } from './responses';
import { sendFile, type HostLog } from './send-file';
import { assertRendererBuilt, sendRendererFile } from './static-files';
import { receiveUpload } from './upload';

export interface HostOptions {
  /** Built renderer folder (index.html, app.js, app.css). */
  rendererDir: string;
  /** 0 (default): any free port. */
  port?: number;
  /** Default: a new service owned (and disposed) by the host. */
  service?: ComicService;
  /** Where errors the host met go, one line each (default stderr). */
  log?: HostLog;
  /**
   * Folders besides the data folder the API may write into and take pictures from (`serve --allow DIR`); every
   * other path is refused (PATH_FORBIDDEN). Only for the service the host makes itself.
   */
  allowedFolders?: string[];
}

export interface RunningHost {
  port: number;
  /** The page's address with a one-time code in the fragment (never sent in a request line or a Referer). */
  url: string;
  /** Another address with a new one-time code (for `--open`, or a second browser). */
  newUrl(): string;
  /** The per-run secret: what the session cookie holds; non-browser clients send it as a Bearer header. */
  token: string;
  service: ComicService;
  /** Stops listening, drops event streams and, when the host made the service, cancels its jobs. */
  close(): Promise<void>;
}

/** The JSON body of a POST; undefined when it was refused (the answer is sent). */
async function jsonBody(req: IncomingMessage, res: ServerResponse, what: string): Promise<Record<string, unknown> | undefined> {
  if (req.method !== 'POST') return void sendError(res, 405, 'METHOD_NOT_ALLOWED', `${what} takes POST requests`);
  // A JSON content type forces a CORS preflight on any cross-site attempt, which this server never answers.
  if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
    req.resume();
    return void sendError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', `${what} takes application/json`);
  }
  try {
    const body = await readBody(req);
    const json = body ? (JSON.parse(body) as unknown) : {};
    if (!json || typeof json !== 'object' || Array.isArray(json)) throw new Error('expected a JSON object');
    return json as Record<string, unknown>;
  } catch (err) {
    const status = (err as { status?: number }).status ?? 400;
    res.setHeader('Connection', 'close');
    return void sendError(res, status, status === 413 ? 'TOO_LARGE' : 'BAD_REQUEST', `${what}: ${(err as Error).message}`);
  }
}

async function callCommand(req: IncomingMessage, res: ServerResponse, service: ComicService, command: string): Promise<void> {
  const body = await jsonBody(req, res, command);
  if (!body) return;
  const args = body.args ?? [];
  const reply = await dispatchCommand(service, command, args);
  sendJson(res, !reply.ok && reply.error.code === 'UNKNOWN_COMMAND' ? 404 : 200, reply);
}

async function sendImage(res: ServerResponse, service: ComicService, root: string, encodedPath: string, log: HostLog): Promise<void> {
  let path: string;
  try {
    path = await service.resolveImage(imageRefFromUrlPath(root, encodedPath));
  } catch (err) {
    const code = (err as { code?: string }).code ?? 'IMAGE_NOT_FOUND';
    return sendError(res, code === 'IMAGE_FORBIDDEN' ? 403 : 404, code, (err as Error).message);
  }
  await sendFile(res, path, { 'Content-Type': imageContentType(path), 'Cache-Control': 'no-cache' }, log, decodeURIComponent(encodedPath));
}

/** The page trades its one-time code for the session cookie. */
async function startSession(req: IncomingMessage, res: ServerResponse, sessions: HostSessions): Promise<void> {
  const body = await jsonBody(req, res, 'session');
  if (!body) return;
  const cookie = sessions.exchange(body.code);
  if (!cookie) {
    // A used code in a browser that already has the cookie (a second tab from the same address) is fine.
    if (sessions.admits(req)) return sendJson(res, 200, { ok: true });
    return sendError(res, UNAUTHORIZED!.status, UNAUTHORIZED!.code, `this address was used already. ${UNAUTHORIZED!.message}`);
  }
  res.setHeader('Set-Cookie', cookie);
  sendJson(res, 200, { ok: true });
}

interface HostState {
  port: number;
  sessions: HostSessions;
  service: ComicService;
  rendererDir: string;
  log: HostLog;
}

async function route(req: IncomingMessage, res: ServerResponse, host: HostState) {
  const refusal = checkOrigin(req, host.port);
  if (refusal) return sendError(res, refusal.status, refusal.code, refusal.message);
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${host.port}`);
  const path = url.pathname;
  if (path === '/api/session') return startSession(req, res, host.sessions);
  if (path.startsWith('/api/') || path.startsWith('/images/')) {
    const isGet = req.method === 'GET';
    if (!host.sessions.admits(req)) {
      req.resume();
      return sendError(res, UNAUTHORIZED!.status, UNAUTHORIZED!.code, UNAUTHORIZED!.message);
    }
    const command = /^\/api\/call\/([A-Za-z]+)$/.exec(path)?.[1];
    if (command) return callCommand(req, res, host.service, command);
    if (path === '/api/events' && isGet) return streamJobEvents(req, res, host.service);
    if (path === '/api/upload-model' && req.method === 'POST') return uploadModel(req, res, host.service, url);
    if (path === '/api/upload') return receiveUpload(req, res, url);
    const image = /^\/images\/([0-9a-f]+)\/(.+)$/.exec(path);
    if (image && (isGet || req.method === 'HEAD')) {
      return sendImage(res, host.service, image[1], image[2], host.log);
    }
    return sendError(res, 404, 'NOT_FOUND', `no such endpoint ${path}`);
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'the page is read-only');
  const font = /^\/fonts\/([^/]+)$/.exec(path);
  if (font) return sendFont(res, font[1]);
  if (!(await sendRendererFile(res, host.rendererDir, path, host.log))) sendError(res, 404, 'NOT_FOUND', `no such file ${path}`);
}

/**
 * The browser host: the built renderer and the ComicApi over HTTP on 127.0.0.1 only, job events as Server-Sent
 * Events, images of the API's output folders; every API and image request needs the per-run random token.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  assertRendererBuilt(options.rendererDir);
  const service = options.service ?? createComicApi({ host: 'browser', allowedFolders: () => [dataDir(), ...(options.allowedFolders ?? [])] });
  const log = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const state: HostState = { port: 0, sessions: new HostSessions(() => state.port), service, rendererDir: options.rendererDir, log };
  const server = createServer((req, res) => {
    // Nothing a request does may take the process down: every failure is an answer (or a cut response) and a line.
    route(req, res, state).catch((err: Error) => {
      log(`serve: ${req.method} ${new URL(req.url ?? '/', 'http://x').pathname}: ${err.message}`);
      if (!res.headersSent) sendError(res, 500, 'INTERNAL', err.message);
      else res.destroy();
    });
  });
  // A connection that sends nothing is dropped after a while; many idle ones cost a socket each, nothing more.
  server.headersTimeout = 30_000;
  server.requestTimeout = 120_000;
  server.keepAliveTimeout = 5_000;
  server.on('clientError', (err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => done());
  });
  state.port = (server.address() as AddressInfo).port;
  return {
    port: state.port,
    url: `http://127.0.0.1:${state.port}/#code=${state.sessions.newCode()}`,
    newUrl: () => `http://127.0.0.1:${state.port}/#code=${state.sessions.newCode()}`,
    token: state.sessions.token,
    service,
    close: async () => {
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await closed;
      if (!options.service) await service.dispose();
    },
  };
}
