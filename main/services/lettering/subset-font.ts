import { readFileSync } from 'node:fs';

/**
 * Font subsets for the PDF through HarfBuzz's hb-subset (harfbuzzjs's WebAssembly build): the glyphs a document
 * uses, their ids kept (so the layout's glyph ids are the PDF's CIDs), hinting dropped. HarfBuzz rewrites `loca`,
 * `glyf` and CFF correctly for any size of font, where @pdf-lib/fontkit's subsetter corrupts CJK fonts.
 */
interface HbSubsetExports {
  memory: { buffer: ArrayBuffer };
  malloc(n: number): number;
  free(p: number): void;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy?(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_glyph_set(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_WRITABLE = 2;
const HB_SUBSET_FLAGS_NO_HINTING = 0x1;
const HB_SUBSET_FLAGS_RETAIN_GIDS = 0x2;

let hb: HbSubsetExports | undefined;

/** Node's WebAssembly global (not in the ES lib the main process compiles against). */
const wasmApi = (globalThis as unknown as { WebAssembly: { Module: new (b: Uint8Array) => object; Instance: new (m: object, i: object) => { exports: unknown } } }).WebAssembly;

function harfbuzz(): HbSubsetExports {
  if (!hb) {
    const wasm = readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
    hb = new wasmApi.Instance(new wasmApi.Module(wasm), {}).exports as unknown as HbSubsetExports;
  }
  return hb;
}

/** The sfnt `font` cut down to the glyphs `gids` (glyph 0 always kept), each at its old id. */
export function subsetFont(font: Uint8Array, gids: Iterable<number>): Buffer {
  const x = harfbuzz();
  const ptr = x.malloc(font.byteLength);
  new Uint8Array(x.memory.buffer).set(font, ptr);
  const blob = x.hb_blob_create(ptr, font.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
  const face = x.hb_face_create(blob, 0);
  x.hb_blob_destroy(blob);
  const input = x.hb_subset_input_create_or_fail();
  if (!input) throw new Error('hb-subset: out of memory');
  const set = x.hb_subset_input_glyph_set(input);
  x.hb_set_add(set, 0);
  for (const g of gids) x.hb_set_add(set, g);
  x.hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_RETAIN_GIDS | HB_SUBSET_FLAGS_NO_HINTING);
  const subset = x.hb_subset_or_fail(face, input);
  x.hb_subset_input_destroy(input);
  try {
    if (!subset) throw new Error('hb-subset could not subset the font');
    const out = x.hb_face_reference_blob(subset);
    const data = x.hb_blob_get_data(out, 0);
    const length = x.hb_blob_get_length(out);
    const bytes = Buffer.from(new Uint8Array(x.memory.buffer, data, length));
    x.hb_blob_destroy(out);
    return bytes;
  } finally {
    if (subset) x.hb_face_destroy?.(subset);
    x.hb_face_destroy?.(face);
    x.free(ptr);
  }
}
