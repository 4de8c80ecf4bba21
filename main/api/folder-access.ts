import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { RequestError } from './error-info';

/** The real path of `path`, through its nearest existing ancestor (a symbolic link cannot lead a new file out). */
export function realish(path: string): string {
  const abs = resolve(path);
  try {
    return realpathSync(abs);
  } catch {
    const parent = dirname(abs);
    return parent === abs ? abs : resolve(realish(parent), relative(parent, abs));
  }
}

function inside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!!rel && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * The folders an adapter's API may write into and read pictures from. The browser host's API answers any local
 * program that holds its token, so it reaches only the data folder (where every project the editor makes lives)
 * and the folders its owner allowed when starting it; every other path is refused with a clear error. Electron's
 * API reaches the data folder too (its exports go where the Save dialog says: PickedExports). The video and model
 * files the user picks are read wherever they are (reading them writes nothing and serves nothing).
 * Unrestricted (`folders` undefined): the CLI, whose user types every path themselves.
 */
export class FolderAccess {
  constructor(private readonly folders?: () => string[]) {}

  /** Throws PATH_FORBIDDEN unless `path` is inside an allowed folder. `what` names the argument. */
  check(path: string, what: string): void {
    if (!this.folders) return;
    const allowed = this.folders().map(realish);
    const real = realish(path);
    if (allowed.some((f) => inside(real, f))) return;
    throw new RequestError(
      'PATH_FORBIDDEN',
      `${what}: ${path} is outside the folders this editor may use (${allowed.join(', ')}); projects and their exports stay in the data folder`,
    );
  }

  checkAll(paths: readonly string[], what: string): void {
    paths.forEach((p, i) => this.check(p, `${what}[${i}]`));
  }
}
