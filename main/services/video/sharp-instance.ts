// The one sharp (libvips) of the process, set up once.
import sharpModule from 'sharp';

// libvips caches decoded files by name: a key frame re-written under the same name would be read back stale, and
// the cache holds memory for pictures that are each read once. Off.
sharpModule.cache(false);

export const sharp = sharpModule;
