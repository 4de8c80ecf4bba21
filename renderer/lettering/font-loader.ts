import * as fontkit from 'fontkit';
import { faceFromFontkit } from '../../app/lettering/fontkit-metrics';
import { LETTERING_FONTS, type LetteringFontId } from '../../app/lettering/fonts';
import type { LetteringFace } from '../../app/lettering/metrics';

/**
 * The lettering fonts in the renderer: the same files the PDF embeds, fetched from the app (GET /fonts/FILE from
 * the browser host, comic-font://fonts/FILE in Electron), parsed by the same fontkit so the canvas lays out the
 * same lines as the export, and registered with the page (FontFace) for the balloon text field.
 */
export function fontUrl(file: string): string {
  // The browser host serves them beside the page; Electron's page (app:// or file://) gets them on comic-font://.
  const web = typeof location === 'undefined' || location.protocol === 'http:' || location.protocol === 'https:';
  return web ? `/fonts/${encodeURIComponent(file)}` : `comic-font://fonts/${encodeURIComponent(file)}`;
}

/** The CSS family a font is registered under for text fields. */
export const cssFamily = (id: LetteringFontId) => `yc-${id}`;

async function loadOne(id: LetteringFontId, file: string): Promise<LetteringFace> {
  const res = await fetch(fontUrl(file));
  if (!res.ok) throw new Error(`${file}: the app did not serve the font (HTTP ${res.status})`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  try {
    const face = new FontFace(cssFamily(id), bytes);
    document.fonts.add(await face.load());
  } catch {
    // The text field falls back to the system's font; the canvas draws the glyphs itself.
  }
  return faceFromFontkit(id, fontkit.create(bytes));
}

let all: Promise<Map<LetteringFontId, LetteringFace>> | undefined;

/** Every lettering font, loaded once per page. */
export function loadLetteringFaces(): Promise<Map<LetteringFontId, LetteringFace>> {
  all ??= Promise.all(LETTERING_FONTS.map(async (f) => [f.id, await loadOne(f.id, f.file)] as const)).then((entries) => new Map(entries));
  all.catch(() => (all = undefined));
  return all;
}
