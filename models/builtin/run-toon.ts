import * as ort from 'onnxruntime-node';
import type { RgbImage } from '../../app/video';

/**
 * Runs the built-in style's graph on an RGB image (its own I/O convention: NCHW RGB [0,1] in and out). The app
 * goes through the spec-driven stylizer instead; this is for the preview tool and the model's own tests.
 */
export async function runToon(session: ort.InferenceSession, image: RgbImage): Promise<RgbImage> {
  const { width, height, data } = image;
  const plane = width * height;
  const x = new Float32Array(3 * plane);
  for (let i = 0; i < plane; i++) {
    x[i] = data[3 * i] / 255;
    x[plane + i] = data[3 * i + 1] / 255;
    x[2 * plane + i] = data[3 * i + 2] / 255;
  }
  const result = await session.run({ image: new ort.Tensor('float32', x, [1, 3, height, width]) });
  const y = result.cartoon.data as Float32Array;
  const out = new Uint8Array(3 * plane);
  for (let i = 0; i < plane; i++) {
    for (let c = 0; c < 3; c++) out[3 * i + c] = Math.round(Math.min(1, Math.max(0, y[c * plane + i])) * 255);
  }
  return { width, height, data: out };
}
