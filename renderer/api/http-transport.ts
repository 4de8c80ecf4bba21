import type { ApiReply, ComicTransport, JobEvent } from '../../app/api';

function failure(code: string, message: string): ApiReply {
  return { ok: false, error: { code, message, name: 'HttpError' } };
}

/**
 * The ComicApi transport of the browser host (main/host): commands are POSTs with the token in a header; job events
 * come over one EventSource, open while anyone listens; images are plain URLs (an <img> cannot send headers, so
 * the token rides in their query).
 */
export function httpTransport(base: string, token: string): ComicTransport {
  const listeners = new Set<(event: JobEvent) => void>();
  let source: EventSource | undefined;
  const query = `token=${encodeURIComponent(token)}`;

  function openEvents(): void {
    if (source) return;
    source = new EventSource(`${base}/api/events?${query}`);
    source.addEventListener('job', (message) => {
      const event = JSON.parse((message as MessageEvent<string>).data) as JobEvent;
      for (const listener of listeners) listener(event);
    });
  }

  return {
    async call(command, args) {
      let res: Response;
      try {
        res = await fetch(`${base}/api/call/${command}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify({ args }),
        });
      } catch {
        return failure('OFFLINE', 'the app server does not answer (was "your-cartoon serve" stopped?)');
      }
      try {
        return (await res.json()) as ApiReply;
      } catch {
        return failure(`HTTP_${res.status}`, `the app server answered ${res.status} ${res.statusText}`);
      }
    },
    onJobEvent(listener) {
      listeners.add(listener);
      openEvents();
      return () => {
        listeners.delete(listener);
        if (!listeners.size) {
          source?.close();
          source = undefined;
        }
      };
    },
    imageUrl(ref) {
      const file = ref.file.split('/').map(encodeURIComponent).join('/');
      return `${base}/images/${encodeURIComponent(ref.root)}/${file}?${query}`;
    },
  };
}
