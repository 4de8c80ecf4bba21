/** How a generator wants its image tensor, and how its output tensor is read back. Drives pre/post-processing. */
export interface TensorSpec {
  /** Input or output name in the ONNX graph. */
  name: string;
  layout: 'NCHW' | 'NHWC';
  channelOrder: 'RGB' | 'BGR';
  /** Value range of the tensor's pixels: [-1, 1], [0, 1] or [0, 255]. */
  range: [number, number];
  /**
   * What the channels hold: an image (3 channels, the default) or per-class logits (a segmenter's output,
   * `channels` of them; channelOrder and range are then ignored).
   */
  meaning?: 'image' | 'logits';
  /** Channel count; 3 for images, the class count for logits. */
  channels?: number;
}

export interface ModelSpec {
  input: TensorSpec;
  output: TensorSpec;
  /** Height and width must be multiples of this (4 for White-box, 4 for CartoonGAN, 1 for the built-in). */
  sizeMultiple: number;
  /** Fixed input size (e.g. a 257×257 segmenter), or absent when H and W are free. */
  fixedSize?: { width: number; height: number };
  /**
   * How an image is fitted into a fixed size: 'letterbox' (resize the long side, pad with the tensor value
   * `padValue`, crop the output back) or 'squash' (resize to the size, ignoring the aspect ratio).
   */
  fit?: 'letterbox' | 'squash';
  /** Tensor value the letterbox border is filled with (0 = mid-grey in a [-1, 1] range). */
  padValue?: number;
  /** Long side (px) the authors process at; a default for the processing size when the user gives none. */
  recommendedLongSide?: number;
  /**
   * True when the network normalises over the whole image (instance norm): tiles then see different statistics
   * and seams are more visible, so larger tiles are preferred.
   */
  globalNormalization?: boolean;
  /** Extra inputs for instance-aware generators (InstaGAN masks), by name. */
  maskInput?: { name: string; layout: 'NCHW'; range: [number, number]; maxInstances: number };
  maskOutput?: { name: string };
}

export type ModelKind = 'builtin' | 'cartoongan' | 'animegan' | 'whitebox' | 'instagan' | 'segmentation';

/** One entry of models/catalog.json. */
export interface CatalogEntry {
  id: string;
  name: string;
  kind: ModelKind;
  description: string;
  /** Where to get it: ONNX file URLs tried in order; empty for the built-in style. */
  urls: string[];
  /** Relative to models/ for files shipped with the app (the built-in style). */
  bundledFile?: string;
  sha256?: string;
  size?: number;
  licence: { name: string; url?: string; text?: string; attribution?: string; commercialUse: boolean };
  /** How to produce the ONNX from the authors' weights when no ONNX download exists (export script in models/). */
  export?: { script: string; from: string; notes?: string };
  spec: ModelSpec;
  /** Class index used as "person" by a segmentation model. */
  personClass?: number;
  /** Class names by index, for a segmentation model. */
  classes?: string[];
  /** Anything a user or maintainer should know (provenance, caveats). */
  notes?: string;
}

/** models/catalog.json as a whole. */
export interface Catalog {
  schemaVersion: 1;
  models: CatalogEntry[];
}

export type ProviderName = 'cpu' | 'cuda' | 'dml' | 'coreml';
export type ProviderChoice = ProviderName | 'auto';
export const PROVIDER_CHOICES: readonly ProviderChoice[] = ['auto', 'cpu', 'cuda', 'dml', 'coreml'];
