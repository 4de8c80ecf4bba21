import { locateFfmpeg } from './locate-ffmpeg';
import { runTool } from './run-tool';

/** What the located ffmpeg can do; builds differ (a 2018 static build here, ffmpeg 6/7 on users' desktops). */
export interface FfmpegFeatures {
  /** Arguments that deliver every decoded frame once, with no frame-rate resampling. */
  passthrough: string[];
  /** Codec names this ffmpeg can decode ("h264", "mpeg4", ...). */
  decodableCodecs: Set<string>;
}

const cache = new Map<string, Promise<FfmpegFeatures>>();

/** `-fps_mode` replaced `-vsync` in ffmpeg 5.1; old builds reject the new flag, new ones warn on the old. */
export function passthroughArgs(helpText: string): string[] {
  return /^\s*-fps_mode\b/m.test(helpText) ? ['-fps_mode', 'passthrough'] : ['-vsync', 'passthrough'];
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
    ]).then(([help, codecs]) => ({
      passthrough: passthroughArgs(help.stdout.toString('utf8')),
      decodableCodecs: decodableCodecs(codecs.stdout.toString('utf8')),
    }));
    features.catch(() => cache.delete(bin));
    cache.set(bin, features);
  }
  return features;
}
