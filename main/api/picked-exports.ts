import type { ExportFormat } from '../../app/export-settings';
import { RequestError } from './error-info';
import { realish } from './folder-access';

/**
 * The export targets the user picked in the desktop app's Save dialog (or folder chooser): each admits exactly that
 * file (a PDF, a CBZ) or that folder (PNG pages), in that format, for one export. An export to any other path is
 * refused, so the page (or anything speaking for it) cannot write where the user did not choose.
 */
export class PickedExports {
  private readonly picked = new Map<string, ExportFormat>();

  /** The user picked `path` for an export in `format` (called by the dialog's handler, never by the page). */
  grant(path: string, format: ExportFormat): void {
    this.picked.set(realish(path), format);
  }

  /** Admits `path` if it is the one picked for `format`, once; otherwise throws PATH_FORBIDDEN. */
  take(path: string, format: ExportFormat, what: string): void {
    const key = realish(path);
    if (this.picked.get(key) === format) {
      this.picked.delete(key);
      return;
    }
    throw new RequestError(
      'PATH_FORBIDDEN',
      `${what}: ${path} was not chosen in the save dialog; an export goes where its dialog says, or into the project folder`,
    );
  }
}
