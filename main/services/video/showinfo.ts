/** One frame as ffmpeg's showinfo filter reports it on stderr. */
export interface ShowinfoFrame {
  /** Filter instance, e.g. "Parsed_showinfo_2" (a graph may hold several). */
  filter: string;
  n: number;
  /** Presentation time in seconds; undefined when the frame had no timestamp (NOPTS). */
  time: number | undefined;
  width?: number;
  height?: number;
  /** The decoder flagged it a key frame (`iskey:1`): decoding can start there. */
  key?: boolean;
}

const CONFIG = /^\[(Parsed_showinfo_\d+) @ [^\]]*\] config in time_base: (\d+)\/(\d+)/;
const FRAME = /^\[(Parsed_showinfo_\d+) @ [^\]]*\] n:\s*(\d+) pts:\s*(-?\d+|NOPTS) pts_time:\s*(\S+)/;

/**
 * Reads showinfo lines one at a time. Times come from the integer pts × the filter's time base when the
 * "config in time_base" line was seen, because pts_time is printed with only 6 significant digits
 * (at 1000 s that is 10 ms: too coarse to tell 60 fps frames apart).
 */
export class ShowinfoReader {
  private readonly timeBases = new Map<string, [number, number]>();

  read(line: string): ShowinfoFrame | undefined {
    const config = CONFIG.exec(line);
    if (config) {
      const den = Number(config[3]);
      if (den > 0) this.timeBases.set(config[1], [Number(config[2]), den]);
      return undefined;
    }
    const m = FRAME.exec(line);
    if (!m) return undefined;
    const [, filter, n, pts, ptsTime] = m;
    const tb = this.timeBases.get(filter);
    let time: number | undefined;
    if (pts !== 'NOPTS') time = tb ? (Number(pts) * tb[0]) / tb[1] : Number(ptsTime);
    if (time !== undefined && !Number.isFinite(time)) time = undefined;
    const size = /\ss:(\d+)x(\d+)\s/.exec(`${line} `);
    const key = /\siskey:([01])\s/.exec(`${line} `);
    return {
      filter,
      n: Number(n),
      time,
      ...(size ? { width: Number(size[1]), height: Number(size[2]) } : {}),
      ...(key ? { key: key[1] === '1' } : {}),
    };
  }
}

/** Splits a text stream into lines (ffmpeg ends progress lines with \r, log lines with \n). */
export class LineSplitter {
  private rest = '';

  push(chunk: string): string[] {
    const parts = (this.rest + chunk).split(/\r\n|\n|\r/);
    this.rest = parts.pop() ?? '';
    return parts;
  }

  end(): string[] {
    const last = this.rest;
    this.rest = '';
    return last ? [last] : [];
  }
}
