/**
 * The filmstrip: small frames of the whole video written during the analysis' one decoding pass (PROJECT/filmstrip),
 * so the timeline's playhead shows the picture at any moment at once, without decoding again. Frames are taken at
 * `rate` per second from the first frame and packed row by row into sprite sheets of columns × rows tiles;
 * index.json (this type) says where each is.
 */
export const FILMSTRIP_SCHEMA = 1;

export interface FilmstripIndex {
  schema: typeof FILMSTRIP_SCHEMA;
  /** Tiles per second of video: tile k shows the video at k / rate seconds from its first frame. */
  rate: number;
  tileWidth: number;
  tileHeight: number;
  columns: number;
  rows: number;
  /** Tiles there are (the last sheet may be partly empty). */
  count: number;
  /** Sheet files inside the filmstrip folder, in order. */
  sheets: string[];
}

/** Tiles each second, at most; fewer on long videos so the filmstrip stays a few megabytes. */
export const FILMSTRIP_MAX_RATE = 4;
/** Tiles at most over a whole video (at 160 × 90 and JPEG, about 3 KB each). */
export const FILMSTRIP_MAX_TILES = 7200;
export const FILMSTRIP_TILE_WIDTH = 160;

export interface FilmstripSpec {
  rate: number;
  tileWidth: number;
  tileHeight: number;
  columns: number;
  rows: number;
}

/** The filmstrip's layout for a video of this length and display size: 160 px tiles in sheets of 10 × 10. */
export function planFilmstrip(duration: number, width: number, height: number): FilmstripSpec {
  const rate = Math.min(FILMSTRIP_MAX_RATE, FILMSTRIP_MAX_TILES / Math.max(1, duration));
  const tileWidth = FILMSTRIP_TILE_WIDTH;
  const tileHeight = Math.max(2, 2 * Math.round((tileWidth * height) / Math.max(1, width) / 2));
  return { rate: Math.round(rate * 1000) / 1000, tileWidth, tileHeight, columns: 10, rows: 10 };
}

/** The number of tiles certain to be written for frames up to `lastFrameTime` (the sampler may round one more). */
export function filmstripTileCount(spec: Pick<FilmstripSpec, 'rate'>, lastFrameTime: number): number {
  return Math.max(1, Math.floor(lastFrameTime * spec.rate + 1e-6));
}

export interface TilePlace {
  /** Index into sheets. */
  sheet: number;
  /** Top-left corner of the tile inside its sheet, pixels. */
  x: number;
  y: number;
  /** The moment the tile shows, seconds. */
  time: number;
}

/** The tile nearest `time` (clamped to the tiles there are). */
export function filmstripTileAt(index: FilmstripIndex, time: number): TilePlace {
  const k = Math.min(index.count - 1, Math.max(0, Math.round(time * index.rate)));
  const perSheet = index.columns * index.rows;
  const within = k % perSheet;
  return {
    sheet: Math.floor(k / perSheet),
    x: (within % index.columns) * index.tileWidth,
    y: Math.floor(within / index.columns) * index.tileHeight,
    time: k / index.rate,
  };
}
