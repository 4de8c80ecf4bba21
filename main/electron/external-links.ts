/**
 * Where a link in the app may take the user's browser (shell.openExternal): https only, and only the sites the app
 * links to (the models' licences and sources, the project's pages). A page that was somehow made to open another
 * URL, or another scheme (file:, smb:, a custom handler), is refused. No Electron import: tested in plain Node.
 */
export const EXTERNAL_HOSTS = new Set(['github.com', 'creativecommons.org', 'www.apache.org', 'opensource.org', 'huggingface.co', 'drive.google.com']);

export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && !parsed.username && !parsed.password && parsed.port === '' && EXTERNAL_HOSTS.has(parsed.hostname);
}
