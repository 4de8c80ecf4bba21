/** Numbers, lengths and dates written the way the UI's language writes them (Intl, no hand-made formats). */

export function formatNumber(n: number, lng: string, digits?: number): string {
  return new Intl.NumberFormat(lng, digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}

export function formatPercent(fraction: number, lng: string): string {
  return new Intl.NumberFormat(lng, { style: 'percent', maximumFractionDigits: 0 }).format(Math.min(1, Math.max(0, fraction)));
}

/** A length of time: "1 min, 15 sec" / "1분 15초" / "1分15秒" (Intl.DurationFormat; a unit list where it is missing). */
export function formatDuration(seconds: number, lng: string): string {
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const parts = { ...(h ? { hours: h } : {}), ...(h || m ? { minutes: m } : {}), seconds: s };
  const DurationFormat = (Intl as unknown as { DurationFormat?: new (l: string, o: object) => { format(d: object): string } }).DurationFormat;
  if (DurationFormat) return new DurationFormat(lng, { style: 'short' }).format(parts);
  return Object.entries(parts)
    .map(([unit, v]) => new Intl.NumberFormat(lng, { style: 'unit', unit: unit.slice(0, -1), unitDisplay: 'short' }).format(v))
    .join(' ');
}

/** Bytes as the user reads them: "12 MB", "1.4 GB" (decimal units, as file managers show them). */
export function formatBytes(bytes: number, lng: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'];
  let v = bytes;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return new Intl.NumberFormat(lng, { style: 'unit', unit: units[i], unitDisplay: 'short', maximumFractionDigits: v < 10 && i > 0 ? 1 : 0 }).format(v);
}

/** When something happened: "5 minutes ago" for today, else the date and time. */
export function formatWhen(iso: string, lng: string, now = Date.now()): string {
  const t = Date.parse(iso);
  const ago = (now - t) / 1000;
  if (ago >= 0 && ago < 60) return new Intl.RelativeTimeFormat(lng, { numeric: 'auto' }).format(0, 'second');
  if (ago >= 0 && ago < 3600) return new Intl.RelativeTimeFormat(lng, { numeric: 'auto' }).format(-Math.round(ago / 60), 'minute');
  if (ago >= 0 && ago < 86400) return new Intl.RelativeTimeFormat(lng, { numeric: 'auto' }).format(-Math.round(ago / 3600), 'hour');
  return new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short' }).format(t);
}
