const KEY = 'your-cartoon-token';

/**
 * The browser host's per-run token: it arrives in the address's fragment (#token=..., never sent over the network),
 * is kept for this tab so a reload works, and is taken out of the address bar at once.
 */
export function takeToken(): string {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match) {
    const token = decodeURIComponent(match[1]);
    sessionStorage.setItem(KEY, token);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return token;
  }
  return sessionStorage.getItem(KEY) ?? '';
}
