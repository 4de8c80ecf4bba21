import type { ApiReply, ComicTransport, JobEvent } from '../../app/api';

function failure(code: string, message: string): ApiReply {
  return { ok: false, error: { code, message, name: 'HttpError' } };
}

/**
 * The ComicApi transport of the browser host (main/host): commands are POSTs, job events come over one EventSource
 * (open while anyone listens), images are plain URLs; all of them carry the session cookie (see token.ts), once
 * `signedIn` has settled.
 */
export function httpTransport(base: string, signedIn: Promise<void>): ComicTransport {
  const listeners = new Set<(event: JobEvent) => void>();
  let source: EventSource | undefined;

  function openEvents(): void {
    if (source) return;
    source = new EventSource(`${base}/api/events`);
    source.addEventListener('job', (message) => {
      const event = JSON.parse((message as MessageEvent<string>).data) as JobEvent;
      for (const listener of listeners) listener(event);
    });
  }

  return {
    async call(command, args) {
      let res: Response;
      await signedIn;
      try {
        res = await fetch(`${base}/api/call/${command}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
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
      void signedIn.then(() => listeners.size && openEvents());
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
      return `${base}/images/${encodeURIComponent(ref.root)}/${file}`;
    },
  };
}
