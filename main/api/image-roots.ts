import { randomBytes } from 'node:crypto';
import { realpath, stat } from 'node:fs/promises';
import { basename, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { ImageRef } from '../../app/api';
import { RequestError } from './error-info';

/**
 * Only pictures and exported comics are served: a registered folder may also hold keyframes.json, a project file
 * or a video.
 */
const IMAGE_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
  '.cbz': 'application/vnd.comicbook+zip',
};

/** The one video a project is made of, served (only as itself) for the timeline's player. */
const VIDEO_TYPES: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.mov': 'video/quicktime',
  '.webm': 'video/webm',
  '.mkv': 'video/x-matroska',
  '.ogv': 'video/ogg',
};

export function imageContentType(path: string): string {
  const ext = extname(path).toLowerCase();
  return IMAGE_TYPES[ext] ?? VIDEO_TYPES[ext] ?? 'application/octet-stream';
}

/**
 * The ImageRef a URL names: ROOT plus its percent-encoded path. Each segment is decoded on its own, so an encoded
 * "/" (..%2F..%2Fx) cannot smuggle in a separator. Both the host's /images/ route and Electron's protocol use it.
 */
export function imageRefFromUrlPath(root: string, encodedPath: string): ImageRef {
  let segments: string[];
  try {
    segments = encodedPath.split('/').map(decodeURIComponent);
  } catch {
    throw new RequestError('IMAGE_FORBIDDEN', 'malformed image path');
  }
  if (segments.some((s) => s.includes('/'))) throw new RequestError('IMAGE_FORBIDDEN', 'refused image path');
  return { root, file: segments.join('/') };
}

/**
 * The folders whose images the renderer may load (job output folders), each under an opaque random id. A request
 * names a root id and a relative file; anything that would leave the folder (.., absolute paths, backslashes, a
 * symbolic link pointing out) is refused, so the image route can never read an arbitrary file.
 */
export class ImageRoots {
  private readonly byId = new Map<string, string>();
  private readonly byDir = new Map<string, string>();
  /** Roots that stand for one file (a project's video), not a folder: id → the file's absolute path. */
  private readonly files = new Map<string, string>();
  private readonly byFile = new Map<string, string>();

  /**
   * The ref of one file on its own (a project's video, whatever folder it is in): its root serves that file and
   * nothing beside it, under its own name.
   */
  registerFile(path: string): ImageRef {
    const abs = resolve(path);
    let id = this.byFile.get(abs);
    if (!id) {
      id = randomBytes(8).toString('hex');
      this.files.set(id, abs);
      this.byFile.set(abs, id);
    }
    return { root: id, file: basename(abs) };
  }

  register(dir: string): string {
    const abs = resolve(dir);
    const known = this.byDir.get(abs);
    if (known) return known;
    const id = randomBytes(8).toString('hex');
    this.byId.set(id, abs);
    this.byDir.set(abs, id);
    return id;
  }

  /** The ImageRef of a file inside a registered folder (registering the folder when needed). */
  refFor(dir: string, file: string): ImageRef {
    const root = this.register(dir);
    const rel = relative(resolve(dir), resolve(dir, file));
    if (!rel || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) throw new Error(`${file} is not inside ${dir}`);
    return { root, file: rel.split(sep).join('/') };
  }

  /** The absolute path of an image a ref names, after every check; throws RequestError otherwise. */
  async resolve(ref: ImageRef): Promise<string> {
    const single = typeof ref?.root === 'string' ? this.files.get(ref.root) : undefined;
    if (single) {
      if (ref.file !== basename(single)) throw new RequestError('IMAGE_FORBIDDEN', `refused path ${JSON.stringify(ref.file)}`);
      const found = await stat(single).catch(() => undefined);
      if (!found?.isFile()) throw new RequestError('IMAGE_NOT_FOUND', `${single} is not there any more`);
      return single;
    }
    const dir = typeof ref?.root === 'string' ? this.byId.get(ref.root) : undefined;
    if (!dir) throw new RequestError('IMAGE_NOT_FOUND', 'unknown image folder');
    const file = ref.file;
    const segments = typeof file === 'string' ? file.split('/') : [];
    const bad =
      !segments.length ||
      file.includes('\\') ||
      file.includes('\0') ||
      segments.some((s) => s === '' || s === '.' || s === '..' || /^[a-zA-Z]:/.test(s));
    if (bad) throw new RequestError('IMAGE_FORBIDDEN', `refused image path ${JSON.stringify(file)}`);
    if (!IMAGE_TYPES[extname(file).toLowerCase()]) throw new RequestError('IMAGE_FORBIDDEN', `not an image: ${file}`);
    const missing = () => new RequestError('IMAGE_NOT_FOUND', `no image ${file}`);
    const real = await realpath(join(dir, ...segments)).catch(() => undefined);
    const realDir = await realpath(dir).catch(() => undefined);
    if (!real || !realDir) throw missing();
    if (!real.startsWith(realDir + sep)) throw new RequestError('IMAGE_FORBIDDEN', `refused image path ${JSON.stringify(file)}`);
    if (!(await stat(real)).isFile()) throw missing();
    return real;
  }
}
