import { useEffect, useState } from 'react';

/** An HTMLImageElement for `url` once it has loaded (Konva draws elements, not URLs). */
export function useImage(url: string): HTMLImageElement | undefined {
  const [image, setImage] = useState<HTMLImageElement>();
  useEffect(() => {
    const img = new window.Image();
    let live = true;
    img.onload = () => live && setImage(img);
    img.src = url;
    return () => {
      live = false;
    };
  }, [url]);
  return image;
}
