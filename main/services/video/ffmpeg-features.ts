import { locateFfmpeg } from './locate-ffmpeg';
import { runTool } from './run-tool';

/** What the located ffmpeg can do; builds differ (a 2018 static build here, ffmpeg 6/7 on users' desktops). */
export interface FfmpegFeatures {
  /** Arguments that deliver every decoded frame once, with no frame-rate resampling. */
  passthrough: string[];
  /** Codec names this ffmpeg can decode ("h264", "mpeg4", ...). */
  decodableCodecs: Set<string>;
  /**
   * The showinfo filter to report each frame's pts: `showinfo=checksum=0` where the build has that option, else
   * plain `showinfo` (which also checksums every frame: about 5 % of the decoding time at analysis size).
   */
  showinfo: string;
}

const cache = new Map<string, Promise<FfmpegFeatures>>();

/** `-fps_mode` replaced `-vsync` in ffmpeg 5.1; old builds reject the new flag, new ones warn on the old. */
export function passthroughArgs(helpText: string): string[] {
  return /^\s*-fps_mode\b/m.test(helpText) ? ['-fps_mode', 'passthrough'] : ['-vsync', 'passthrough'];
}

/** Whether `ffmpeg -h full` lists a `checksum` option in its "showinfo AVOptions:" block (ffmpeg ≥ 4.1). */
export function showinfoHasChecksumOption(helpText: string): boolean {
  const block = /^showinfo AVOptions:\r?\n((?:[ \t]+\S.*\r?\n?)*)/m.exec(helpText);
  return Boolean(block && /^[ \t]+checksum\b/m.test(block[1]));
}

/** Parses `ffmpeg -codecs`: lines like " DEV.LS h264   H.264 / AVC ..." where D in column 1 means "can decode". */
export function decodableCodecs(codecsText: string): Set<string> {
  const names = new Set<string>();
  for (const line of codecsText.split(/\r?\n/)) {
    const m = /^\s([D.])([E.])([VASDT.])\S*\s+(\S+)/.exec(line);
    if (m && m[1] === 'D' && m[4] !== '=') names.add(m[4]);
  }
  return names;
}

export function ffmpegFeatures(): Promise<FfmpegFeatures> {
  const bin = locateFfmpeg().path;
  let features = cache.get(bin);
  if (!features) {
    features = Promise.all([
      runTool(bin, ['-hide_banner', '-h', 'full'], { timeoutMs: 30_000 }),
      runTool(bin, ['-hide_banner', '-codecs'], { timeoutMs: 30_000 }),
    ]).then(([help, codecs]) => {
      const helpText = help.stdout.toString('utf8');
      return {
        passthrough: passthroughArgs(helpText),
        decodableCodecs: decodableCodecs(codecs.stdout.toString('utf8')),
        showinfo: showinfoHasChecksumOption(helpText) ? 'showinfo=checksum=0' : 'showinfo',
      };
    });
    features.catch(() => cache.delete(bin));
    cache.set(bin, features);
  }
  return features;
}
