/**
 * Validators for the files the API serves (RFC 9110 §8.8, §13.1.2): an ETag and Last-Modified from the file's size
 * and modification time, so a picture shown again (a thumbnail scrolled back into view, a panel re-rendered) is
 * answered 304 Not Modified without its bytes. The files keep `Cache-Control: no-cache` (revalidate each use),
 * because a re-analysis rewrites key frames under the same names: the new file has a new ETag and is sent whole.
 */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

export function fileValidators(st: FileStamp): { ETag: string; 'Last-Modified': string } {
  // Microseconds: a picture rewritten within the same millisecond still gets a new tag.
  const tag = `"${st.size.toString(16)}-${Math.round(st.mtimeMs * 1000).toString(16)}"`;
  return { ETag: tag, 'Last-Modified': new Date(st.mtimeMs).toUTCString() };
}

/**
 * Whether the request's conditional headers say the client's copy is current. If-None-Match decides when present
 * (any listed tag equal, weak comparison, or "*"); If-Modified-Since only without it, to the second.
 */
export function isNotModified(ifNoneMatch: string | null | undefined, ifModifiedSince: string | null | undefined, st: FileStamp): boolean {
  const { ETag } = fileValidators(st);
  if (ifNoneMatch) {
    const strip = (t: string) => t.trim().replace(/^W\//, '');
    return ifNoneMatch.split(',').some((t) => t.trim() === '*' || strip(t) === ETag);
  }
  if (ifModifiedSince) {
    const since = Date.parse(ifModifiedSince);
    return Number.isFinite(since) && Math.floor(st.mtimeMs / 1000) * 1000 <= since;
  }
  return false;
}
