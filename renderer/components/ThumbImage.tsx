import type { ImgHTMLAttributes } from 'react';

/**
 * A key frame's small picture: its thumbnail (frames/thumbs/NAME.jpg, 320 px wide, written with the key frames), or
 * its full picture when it has none (a project from before thumbnails were written, a frame whose thumbnail failed).
 */
export function ThumbImage({ thumb, full, ...rest }: { thumb: string; full: string } & Omit<ImgHTMLAttributes<HTMLImageElement>, 'src' | 'onError'>) {
  return (
    <img
      {...rest}
      src={thumb}
      onError={(e) => {
        if (!e.currentTarget.src.endsWith(full)) e.currentTarget.src = full;
      }}
    />
  );
}
