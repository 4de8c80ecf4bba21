import { THUMB_WIDTH, type FrameFeatures } from './features';

// A local copy: an imported binding compiles to a getter call under CommonJS, and this is read in inner loops.
const TW = THUMB_WIDTH;

/**
 * What shot detection reads of one frame (kept for the whole video): its time and a few of its features, among them
 * the coarse colour thumbnail (see colourThumbnail in features/thumbnail.ts).
 */
export type ShotSignal = Pick<FrameFeatures, 'thumb' | 'colourThumb' | 'meanLuma' | 'stdLuma'> & { time: number };

/** The per-frame quantities every comparison needs, derived once per frame. */
interface Derived {
  /** Luma thumbnail minus its mean, and the norm of that (0 for a flat frame). */
  centred: Float32Array;
  norm: number;
  /**
   * Chroma of each colour-thumbnail cell (R − Y, B − Y, interleaved) and its norm. A fade to black or to white, or a
   * change of exposure, scales chroma without turning it: its direction is the picture's colour layout and tint.
   */
  chroma: Float32Array;
  chromaNorm: number;
  /** Rows of the luma thumbnail that are black bars (letterbox): every cell ≤ ShotFrames.BAR_LEVEL. */
  barRows: Uint8Array;
  bars: number;
}

/**
 * Frame-to-frame comparisons for shot detection over a video's signals. Distances, all in [0, 1]:
 * - structure: 1 − correlation of the luma thumbnails, blind to brightness and contrast (so a fade or a flash of the
 *   same picture stays close) but not to a new framing of similar colours;
 * - chroma: 1 − cosine of the colour thumbnails' chroma, blind to fades to black or white but not to new colours;
 * - content: the larger of those two ("is this another picture?", whatever the lighting);
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
    /** Scale of the thumbnail difference in the cut distance (see `cut`). */
    private readonly thumbWeight = 3,
  ) {}

  get length(): number {
    return this.signals.length;
  }

  private get(i: number): Derived {
    const slot = i % ShotFrames.CACHE;
    if (this.derivedFrame[slot] === i) return this.derived[slot] as Derived;
    const { thumb, colourThumb } = this.signals[i];
    let mean = 0;
    for (let k = 0; k < thumb.length; k++) mean += thumb[k];
    mean /= Math.max(1, thumb.length);
    const centred = new Float32Array(thumb.length);
    let sq = 0;
    for (let k = 0; k < thumb.length; k++) {
      centred[k] = thumb[k] - mean;
      sq += centred[k] * centred[k];
    }
    const cells = Math.floor(colourThumb.length / 3);
    const chroma = new Float32Array(cells * 2);
    let chromaSq = 0;
    for (let c = 0; c < cells; c++) {
      const r = colourThumb[c * 3];
      const g = colourThumb[c * 3 + 1];
      const b = colourThumb[c * 3 + 2];
      const y = 0.299 * r + 0.587 * g + 0.114 * b;
      chroma[c * 2] = r - y;
      chroma[c * 2 + 1] = b - y;
      chromaSq += (r - y) ** 2 + (b - y) ** 2;
    }
    const rows = Math.floor(thumb.length / TW);
    const barRows = new Uint8Array(rows);
    let bars = 0;
    for (let r = 0; r < rows; r++) {
      let max = 0;
      for (let k = r * TW; k < (r + 1) * TW; k++) max = Math.max(max, thumb[k]);
      if (max <= ShotFrames.BAR_LEVEL) {
        barRows[r] = 1;
        bars++;
      }
    }
    const d = { centred, norm: Math.sqrt(sq), chroma, chromaNorm: Math.sqrt(chromaSq), barRows, bars };
    this.derived[slot] = d;
    this.derivedFrame[slot] = i;
    return d;
  }

  /** Thumbnails whose luma varies less than this (RMS, 8-bit levels) have no structure to compare. */
  static readonly FLAT_RMS = 2;

  /**
   * A thumbnail row no brighter than this (8-bit) is a black bar of a letterboxed picture. Rows that are bars in both
   * frames compared say nothing about their content; left in, they correlate perfectly and make any two letterboxed
   * pictures look alike (a fade between two shots of a 2.35:1 film in a 16:9 frame).
   */
  static readonly BAR_LEVEL = 12;

  structure(a: number, b: number): number {
    const x = this.get(a);
    const y = this.get(b);
    if (x.bars && y.bars && x.bars < x.barRows.length && y.bars < y.barRows.length) {
      return this.structureOutsideBars(a, b, x, y);
    }
    const flat = ShotFrames.FLAT_RMS * Math.sqrt(x.centred.length);
    const xFlat = x.norm < flat;
    const yFlat = y.norm < flat;
    if (xFlat || yFlat) return xFlat && yFlat ? 0 : 1;
    let dot = 0;
    for (let k = 0; k < x.centred.length; k++) dot += x.centred[k] * y.centred[k];
    return Math.min(1, Math.max(0, 1 - dot / (x.norm * y.norm)));
  }

  /** structure over the rows that are not a black bar in both frames (means and norms taken over those rows). */
  private structureOutsideBars(a: number, b: number, x: Derived, y: Derived): number {
    const tx = this.signals[a].thumb;
    const ty = this.signals[b].thumb;
    const rows: number[] = [];
    for (let r = 0; r < x.barRows.length; r++) if (!(x.barRows[r] && y.barRows[r])) rows.push(r);
    let mx = 0;
    let my = 0;
    for (const r of rows) {
      for (let k = r * TW; k < (r + 1) * TW; k++) {
        mx += tx[k];
        my += ty[k];
      }
    }
    const cells = rows.length * TW;
    mx /= cells;
    my /= cells;
    let dot = 0;
    let sx = 0;
    let sy = 0;
    for (const r of rows) {
      for (let k = r * TW; k < (r + 1) * TW; k++) {
        const u = tx[k] - mx;
        const v = ty[k] - my;
        dot += u * v;
        sx += u * u;
        sy += v * v;
      }
    }
    const flat = ShotFrames.FLAT_RMS * ShotFrames.FLAT_RMS * cells;
    if (sx < flat || sy < flat) return sx < flat && sy < flat ? 0 : 1;
    return Math.min(1, Math.max(0, 1 - dot / Math.sqrt(sx * sy)));
  }

  /** Chroma weaker than this (RMS per cell, 8-bit levels) is grey: no colour evidence either way. */
  static readonly GREY_RMS = 3;

  chroma(a: number, b: number): number {
    const x = this.get(a);
    const y = this.get(b);
    const grey = ShotFrames.GREY_RMS * Math.sqrt(x.chroma.length / 2);
    if (x.chromaNorm < grey || y.chromaNorm < grey) return 0;
    let dot = 0;
    for (let k = 0; k < x.chroma.length; k++) dot += x.chroma[k] * y.chroma[k];
    return Math.min(1, Math.max(0, 1 - dot / (x.chromaNorm * y.chromaNorm)));
  }

  /**
   * Whether two frames show different content, whatever the brightness, contrast or saturation (a fade to black or
   * white, a flash): max(structure, chroma), in [0, 1].
   */
  content(a: number, b: number): number {
    return Math.max(this.structure(a, b), this.chroma(a, b));
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
