import type { RgbImage } from '../../app/video';

/** Measured properties of a stylized image against its input: what "looks like a cartoon" means in numbers. */
export interface ToonMetrics {
  distinctColoursIn: number;
  distinctColoursOut: number;
  /** Share of pixels covered by the 16 most frequent luma values: flat regions push it up. */
  topLumaShareIn: number;
  topLumaShareOut: number;
  meanAbsDiff: number;
  /** Of the pixels on strong input edges, the share with an inked (much darker than the input) pixel within 2 px. */
  inkOnStrongEdges: number;
  /** Of the pixels in flat input regions, the share the output made much darker: ink where there is no edge. */
  inkInFlatAreas: number;
}

function lumaOf(img: RgbImage): Float32Array {
  const n = img.width * img.height;
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) y[i] = 0.299 * img.data[3 * i] + 0.587 * img.data[3 * i + 1] + 0.114 * img.data[3 * i + 2];
  return y;
}

function distinctColours(img: RgbImage): number {
  const seen = new Set<number>();
  for (let i = 0; i < img.data.length; i += 3) seen.add((img.data[i] << 16) | (img.data[i + 1] << 8) | img.data[i + 2]);
  return seen.size;
}

function topLumaShare(y: Float32Array): number {
  const hist = new Array<number>(256).fill(0);
  for (const v of y) hist[Math.round(v)]++;
  hist.sort((a, b) => b - a);
  return hist.slice(0, 16).reduce((a, b) => a + b, 0) / y.length;
}

/** Sobel magnitude of luma, in luma levels per pixel. */
function sobel(y: Float32Array, w: number, i: number): number {
  const gx = y[i - w + 1] + 2 * y[i + 1] + y[i + w + 1] - y[i - w - 1] - 2 * y[i - 1] - y[i + w - 1];
  const gy = y[i + w - 1] + 2 * y[i + w] + y[i + w + 1] - y[i - w - 1] - 2 * y[i - w] - y[i - w + 1];
  return Math.hypot(gx, gy) / 4;
}

export function toonMetrics(input: RgbImage, output: RgbImage, strongEdge = 40, flatEdge = 3): ToonMetrics {
  const { width: w, height: h } = input;
  const yi = lumaOf(input);
  const yo = lumaOf(output);
  let strong = 0;
  let strongInked = 0;
  let flat = 0;
  let flatInked = 0;
  for (let y = 2; y < h - 2; y++) {
    for (let x = 2; x < w - 2; x++) {
      const i = y * w + x;
      const g = sobel(yi, w, i);
      if (g > strongEdge) {
        // Lines sit on the dark side of an edge, within a pixel or two of the gradient peak.
        let minIn = 255;
        let minOut = 255;
        for (let dy = -2; dy <= 2; dy++) {
          for (let dx = -2; dx <= 2; dx++) {
            minIn = Math.min(minIn, yi[i + dy * w + dx]);
            minOut = Math.min(minOut, yo[i + dy * w + dx]);
          }
        }
        strong++;
        if (minOut < 0.5 * minIn) strongInked++;
      } else if (g < flatEdge) {
        flat++;
        if (yo[i] < 0.5 * yi[i]) flatInked++;
      }
    }
  }
  let diff = 0;
  for (let i = 0; i < input.data.length; i++) diff += Math.abs(input.data[i] - output.data[i]);
  return {
    distinctColoursIn: distinctColours(input),
    distinctColoursOut: distinctColours(output),
    topLumaShareIn: topLumaShare(yi),
    topLumaShareOut: topLumaShare(yo),
    meanAbsDiff: diff / input.data.length,
    inkOnStrongEdges: strong ? strongInked / strong : 0,
    inkInFlatAreas: flat ? flatInked / flat : 0,
  };
}
