import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ComicService } from '../api';
import { BASE_HEADERS } from './responses';

/** Comment lines keep idle connections open through proxies and let a dead client be noticed. */
const HEARTBEAT_MS = 15_000;

/** Server-Sent Events: every job event as one `data:` line of JSON until the client goes away. */
export function streamJobEvents(req: IncomingMessage, res: ServerResponse, service: ComicService): void {
  res.writeHead(200, {
    ...BASE_HEADERS,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  // retry: how soon EventSource reconnects after a drop; the first comment flushes the headers to the client.
  res.write('retry: 1000\n: connected\n\n');
  const stop = service.onJobEvent((event) => {
    res.write(`event: job\ndata: ${JSON.stringify(event)}\n\n`);
  });
  const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  const end = () => {
    stop();
    clearInterval(heartbeat);
  };
  req.on('close', end);
  res.on('error', end);
}
