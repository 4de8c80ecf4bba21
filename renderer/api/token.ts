/**
 * The browser host's sign-in: the address `your-cartoon serve` printed carries a one-time code in its fragment
 * (#code=..., never sent in a request line). The page trades it once for an HttpOnly session cookie, and takes it
 * out of the address bar at once so it never stays in the history. A reload, or another tab, uses the cookie.
 */
export async function startSession(base: string): Promise<void> {
  const match = /(?:^#|&)code=([^&]+)/.exec(window.location.hash);
  if (!match) return;
  history.replaceState(null, '', window.location.pathname + window.location.search);
  try {
    await fetch(`${base}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: decodeURIComponent(match[1]) }),
    });
  } catch {
    // The server is gone: the first call says so.
  }
}
