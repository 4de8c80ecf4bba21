/**
 * HTTP range requests (RFC 9110 §14) for the files the API serves, so a <video> can seek without downloading the
 * whole file: the browser host and Electron's protocol answer the same way. One range per request; a header this
 * does not understand (several ranges, another unit, bad syntax) is ignored and the whole file sent, as the RFC
 * allows.
 */
export type RangeAnswer =
  | { status: 200; start: 0; end: number }
  | { status: 206; start: number; end: number }
  | { status: 416 };

export function answerRange(header: string | undefined | null, size: number): RangeAnswer {
  const whole = { status: 200 as const, start: 0 as const, end: size - 1 };
  if (!header) return whole;
  const m = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!m || (m[1] === '' && m[2] === '')) return whole;
  if (m[1] === '') {
    // bytes=-N: the last N bytes.
    const n = Number(m[2]);
    if (n === 0 || size === 0) return { status: 416 };
    return { status: 206, start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(m[1]);
  if (m[2] !== '' && Number(m[2]) < start) return whole; // syntactically invalid: ignored
  if (start >= size) return { status: 416 };
  const last = m[2] === '' ? size - 1 : Number(m[2]);
  return { status: 206, start, end: Math.min(last, size - 1) };
}

/** The headers of an answer (besides the content type). */
export function rangeHeaders(answer: RangeAnswer, size: number): Record<string, string> {
  if (answer.status === 416) return { 'Accept-Ranges': 'bytes', 'Content-Range': `bytes */${size}`, 'Content-Length': '0' };
  const headers: Record<string, string> = { 'Accept-Ranges': 'bytes', 'Content-Length': String(Math.max(0, answer.end - answer.start + 1)) };
  if (answer.status === 206) headers['Content-Range'] = `bytes ${answer.start}-${answer.end}/${size}`;
  return headers;
}
