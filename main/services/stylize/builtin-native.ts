// The built-in style (models/builtin/toon.onnx) computed by the native kernels (main/native/src/toon.cc) instead of
// onnxruntime, on the CPU: the same operations in the same float32 order, with box means from running sums and the
// element-wise steps fused, the picture in bands on every core (1280x720 in 64-70 ms here, onnxruntime 80 ms). Only for the file whose
// sha256 is the catalog's built-in entry (a rebuilt or edited graph runs in onnxruntime), and only where the native
// kernels are built; elsewhere onnxruntime runs the graph as before. models/builtin/toon-native.test.ts holds the
// two to the same output.
import { statSync } from 'node:fs';
import { nativeAddonWith } from '../keyframes/features/load-kernels';
import { findModelBySha256, sha256File } from './catalog';
import type { RgbImage } from '../../../app/video';
import type { TensorRunner } from './pipeline';

/** The catalog entry's shipped file that toon.cc computes. */
const TOON_FILE = 'builtin/toon.onnx';

interface ToonAddon {
  toonFilter(planar: Float32Array, width: number, height: number): Float32Array;
  toonFilterRgb(rgb: Uint8Array, width: number, height: number): Uint8Array;
}

let addon: ToonAddon | null | undefined;

function loadToon(): ToonAddon | null {
  // Not built or not loadable here: onnxruntime runs the graph.
  if (addon === undefined) addon = nativeAddonWith<ToonAddon>((a) => typeof a.toonFilter === 'function' && typeof a.toonFilterRgb === 'function');
  return addon;
}

/** Whether each file (by path, size and date) is the catalog's built-in graph, as its sha256 says. */
const isBuiltin = new Map<string, Promise<boolean>>();

async function isBuiltinGraph(file: string): Promise<boolean> {
  let key: string;
  try {
    const st = statSync(file);
    key = `${file}\0${st.size}\0${st.mtimeMs}`;
  } catch {
    return false;
  }
  let known = isBuiltin.get(key);
  if (!known) {
    known = sha256File(file).then((sha) => findModelBySha256(sha)?.bundledFile === TOON_FILE, () => false);
    isBuiltin.set(key, known);
  }
  return known;
}

/**
 * A runner computing the built-in style natively, for this model file; undefined when the file is not the built-in
 * graph or the native kernels are not there. Input and output: NCHW [1, 3, H, W] float32 in [0, 1].
 */
export async function builtinNativeRunner(file: string): Promise<TensorRunner | undefined> {
  const toon = loadToon();
  if (!toon || !(await isBuiltinGraph(file))) return undefined;
  return async (input) => {
    const [, , height, width] = input.dims;
    return { data: toon.toonFilter(input.data, width, height), dims: [1, 3, height, width] };
  };
}

/**
 * The built-in style of a whole picture natively from RGB24 to RGB24, with the pipeline's conversions done in the
 * kernel (the same bytes as stylizePixels with builtinNativeRunner in one tile, without its three passes over the
 * picture in JavaScript); undefined where builtinNativeRunner would be.
 */
export async function builtinNativeWhole(file: string): Promise<((img: RgbImage) => RgbImage) | undefined> {
  const toon = loadToon();
  if (!toon || !(await isBuiltinGraph(file))) return undefined;
  return (img) => ({ width: img.width, height: img.height, data: toon.toonFilterRgb(img.data, img.width, img.height) });
}

/**
 * Largest picture (pixels) the native path takes whole: about 60 bytes a pixel while it runs (the float planes of
 * three threads), so a 1080p frame needs ~125 MB. Larger ones run in tiles (the style looks about 20 px around
 * each pixel; the tiles overlap by more).
 */
export const NATIVE_WHOLE_MAX_PIXELS = 1920 * 1088;
