import { useEffect } from 'react';
import { filmstripTileAt, type FilmstripIndex } from '../../app/filmstrip';

export interface Filmstrip {
  index: FilmstripIndex;
  /** URL of sheet i. */
  sheetUrl(sheet: number): string;
}

/**
 * The filmstrip's small frame nearest `time`, from its sprite sheet (no decoding, no request): `width` px wide, or
 * as wide as its box when no width is given (the sheet is placed in percentages, so any size shows the same tile).
 */
export function FilmstripTile({ filmstrip, time, width, className }: { filmstrip: Filmstrip; time: number; width?: number; className?: string }) {
  const { index } = filmstrip;
  const place = filmstripTileAt(index, time);
  const column = place.x / index.tileWidth;
  const row = place.y / index.tileHeight;
  // p% of the box meets p% of the sheet: column c of C is at c / (C − 1).
  const at = (i: number, n: number) => (n > 1 ? (100 * i) / (n - 1) : 0);
  return (
    <div
      className={`filmstrip-tile ${className ?? ''}`}
      data-testid="filmstrip-tile"
      data-time={place.time}
      style={{
        width,
        aspectRatio: `${index.tileWidth} / ${index.tileHeight}`,
        backgroundImage: `url("${filmstrip.sheetUrl(place.sheet)}")`,
        backgroundPosition: `${at(column, index.columns)}% ${at(row, index.rows)}%`,
        backgroundSize: `${index.columns * 100}% ${index.rows * 100}%`,
      }}
    />
  );
}

/** Loads every sheet once, so the first hover over any moment already has its picture. */
export function usePreloadedSheets(filmstrip: Filmstrip | undefined): void {
  useEffect(() => {
    if (!filmstrip) return;
    const images = filmstrip.index.sheets.map((_, i) => {
      const img = new Image();
      img.src = filmstrip.sheetUrl(i);
      return img;
    });
    return () => images.forEach((img) => (img.src = ''));
  }, [filmstrip]);
}
