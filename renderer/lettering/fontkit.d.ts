// fontkit 2 ships no types; the renderer uses only `create` (see app/lettering/fontkit-metrics.ts for the font's shape).
declare module 'fontkit' {
  import type { FontkitFontLike } from '../../app/lettering/fontkit-metrics';
  export function create(buffer: Uint8Array): FontkitFontLike;
}
