/** What the product knows about a source video after probing it. Times are seconds, sizes are pixels. */
export interface VideoInfo {
  path: string;
  /** Container format name as reported by the prober (e.g. "mov,mp4,m4a,3gp,3g2,mj2"). */
  container: string;
  codec: string;
  /** Coded (storage) size of the frames. */
  codedWidth: number;
  codedHeight: number;
  /** Size a viewer shows: after the sample aspect ratio and the rotation are applied. */
  width: number;
  height: number;
  /** Clockwise rotation in degrees (0, 90, 180, 270) that the display matrix asks for. */
  rotation: 0 | 90 | 180 | 270;
  /** Sample (pixel) aspect ratio; 1 for square pixels. */
  sampleAspectRatio: number;
  /** Nominal frame rate (r_frame_rate) and average rate over the stream. */
  fps: number;
  averageFps: number;
  variableFrameRate: boolean;
  duration: number;
  /** Decoded-frame count; estimated from duration × fps when the container does not say. */
  frameCount: number;
  frameCountIsEstimate: boolean;
  /** Presentation time of the first video frame in the container (e.g. 1.075 s for a delayed stream). */
  startTime: number;
  hasAudio: boolean;
  /** The decoded pixel format as the prober names it (e.g. "yuv420p", "yuvj420p", "yuv420p10le"), when it says. */
  pixelFormat?: string;
  /** The YCbCr matrix the stream is tagged with (e.g. "bt709", "smpte170m"); absent when untagged. */
  colorSpace?: string;
  /** "tv" (limited, 16-235) or "pc" (full range), when tagged. */
  colorRange?: 'tv' | 'pc';
}

/** One decoded frame at analysis resolution. `index` counts every decoded frame once, from 0. */
export interface RgbFrame {
  index: number;
  /** Presentation time in seconds relative to the first video frame (the stream's timestamps, not index / fps). */
  time: number;
  width: number;
  height: number;
  /** Packed RGB24, width × height × 3 bytes. */
  data: Uint8Array;
  /** A key frame of the stream (decoding can start there), when the decoder said so. */
  key?: boolean;
}

/** A decoded still image (RGB24). */
export interface RgbImage {
  width: number;
  height: number;
  data: Uint8Array;
}
