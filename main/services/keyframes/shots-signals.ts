import type { FrameFeatures } from './features';

/**
 * What shot detection reads of one frame (kept for the whole video): its time, a few of its features, and a coarse
 * colour thumbnail (see shots-colour-thumbnail.ts).
 */
export type ShotSignal = Pick<FrameFeatures, 'hsv' | 'glcm' | 'thumb' | 'meanLuma' | 'stdLuma'> & {
  time: number;
  colourThumb: Uint8Array;
};

/** The per-frame quantities every comparison needs, derived once per frame. */
interface Derived {
  /**
   * Hue × saturation histogram of the pixels above the darkest V bin (the joint HSV one summed over those V bins,
   * normalised): unchanged when only the brightness changes. Dark pixels are left out because their hue and
   * saturation are mostly rounding noise (a fade through black would otherwise look like a palette change).
   */
  hs: Float32Array;
  /** Fraction of the pixels that `hs` describes. */
  lit: number;
  /** Thumbnail minus its mean, and the norm of that (0 for a flat frame). */
  centred: Float32Array;
  norm: number;
}

/**
 * Frame-to-frame comparisons for shot detection over a video's signals. Three distances, all in [0, 1]:
 * - colour: histogram distance of hue × saturation, blind to brightness (fades, exposure) but not to a new palette;
 * - structure: 1 − correlation of the luma thumbnails, blind to brightness and contrast (so a fade or a flash of the
 *   same picture stays close) but not to a new framing of similar colours;
 * - cut: thumbWeight · max(mean |Δ luma thumbnail|, mean |Δ colour thumbnail|): what a hard cut changes between two
 *   consecutive frames, and what a fade, a pan or noise changes only a little per frame.
 */
export class ShotFrames {
  /**
   * Derived data of recently compared frames, in a ring indexed by frame number: every comparison the detector makes
   * is between frames a few seconds apart at most, so memory stays bounded on long videos.
   */
  private static readonly CACHE = 2048;
  private readonly derived = new Array<Derived | undefined>(ShotFrames.CACHE);
  private readonly derivedFrame = new Int32Array(ShotFrames.CACHE).fill(-1);

  constructor(
    readonly signals: ReadonlyArray<ShotSignal>,
    private readonly hsvBins: { h: number; s: number; v: number },
    /** Scale of the thumbnail difference in the cut distance (see `cut`). */
    private readonly thumbWeight = 3,
  ) {}

  get length(): number {
    return this.signals.length;
  }

  private get(i: number): Derived {
    const slot = i % ShotFrames.CACHE;
    if (this.derivedFrame[slot] === i) return this.derived[slot] as Derived;
    const { hsv, thumb } = this.signals[i];
    const { h, s, v } = this.hsvBins;
    if (hsv.length !== h * s * v) throw new Error(`frame ${i}: HSV histogram has ${hsv.length} bins, expected ${h * s * v}`);
    const hs = new Float32Array(h * s);
    const firstLit = v > 1 ? 1 : 0;
    let lit = 0;
    for (let k = 0; k < hs.length; k++) {
      let sum = 0;
      for (let j = firstLit; j < v; j++) sum += hsv[k * v + j];
      hs[k] = sum;
      lit += sum;
    }
    if (lit > 0) for (let k = 0; k < hs.length; k++) hs[k] /= lit;
    let mean = 0;
    for (let k = 0; k < thumb.length; k++) mean += thumb[k];
    mean /= Math.max(1, thumb.length);
    const centred = new Float32Array(thumb.length);
    let sq = 0;
    for (let k = 0; k < thumb.length; k++) {
      centred[k] = thumb[k] - mean;
      sq += centred[k] * centred[k];
    }
    const d = { hs, lit, centred, norm: Math.sqrt(sq) };
    this.derived[slot] = d;
    this.derivedFrame[slot] = i;
    return d;
  }

  /** Frames with fewer lit pixels than this carry no colour evidence (colour distance 0): see `hs`. */
  static readonly MIN_LIT = 0.1;

  colour(a: number, b: number): number {
    const da = this.get(a);
    const db = this.get(b);
    if (da.lit < ShotFrames.MIN_LIT || db.lit < ShotFrames.MIN_LIT) return 0;
    const x = da.hs;
    const y = db.hs;
    let common = 0;
    for (let k = 0; k < x.length; k++) common += Math.min(x[k], y[k]);
    return Math.min(1, Math.max(0, 1 - common));
  }

  /** Thumbnails whose luma varies less than this (RMS, 8-bit levels) have no structure to compare. */
  static readonly FLAT_RMS = 2;

  structure(a: number, b: number): number {
    const x = this.get(a);
    const y = this.get(b);
    const flat = ShotFrames.FLAT_RMS * Math.sqrt(x.centred.length);
    const xFlat = x.norm < flat;
    const yFlat = y.norm < flat;
    if (xFlat || yFlat) return xFlat && yFlat ? 0 : 1;
    let dot = 0;
    for (let k = 0; k < x.centred.length; k++) dot += x.centred[k] * y.centred[k];
    return Math.min(1, Math.max(0, 1 - dot / (x.norm * y.norm)));
  }

  /** Brightness-invariant "is this the same content": max(colour, structure). */
  content(a: number, b: number): number {
    return Math.max(this.colour(a, b), this.structure(a, b));
  }

  thumbDifference(a: number, b: number): number {
    const x = this.signals[a].thumb;
    const y = this.signals[b].thumb;
    let sum = 0;
    for (let k = 0; k < x.length; k++) sum += Math.abs(x[k] - y[k]);
    return x.length === 0 ? 0 : sum / (x.length * 255);
  }

  colourThumbDifference(a: number, b: number): number {
    const x = this.signals[a].colourThumb;
    const y = this.signals[b].colourThumb;
    let sum = 0;
    for (let k = 0; k < x.length; k++) sum += Math.abs(x[k] - y[k]);
    return x.length === 0 ? 0 : sum / (x.length * 255);
  }

  /** How much the picture changed: the larger of the two thumbnail differences (uncapped, in [0, 1]). */
  change(a: number, b: number): number {
    return Math.max(this.thumbDifference(a, b), this.colourThumbDifference(a, b));
  }

  cut(a: number, b: number): number {
    return Math.min(1, this.thumbWeight * this.change(a, b));
  }

  /** The thumbnail's weight in the cut distance (cut = min(1, weight · change)). */
  get changeWeight(): number {
    return this.thumbWeight;
  }
}
