import type { ExportFormat } from './export-settings';

/**
 * What only the desktop app (Electron's preload, window.comicDesktop) adds to the ComicApi: the files the user drops
 * or picks are used in place, by their path, and the application menu is made from the renderer's action list.
 * The browser host has none of this (it uploads the file instead).
 */
export interface DesktopMenuItem {
  /** The action id sent back when the item is chosen. */
  id: string;
  label: string;
  menu: 'file' | 'edit' | 'view' | 'help';
  /** Electron accelerator ("CmdOrCtrl+Shift+Z"), shown in the menu; the page itself handles the key. */
  accelerator?: string;
  enabled: boolean;
}

export interface DesktopBridge {
  platform: string;
  /** app.getLocale() of the main process ("ko", "ja", "en-US"). */
  locale: string;
  /** The path of a dropped or chosen File (webUtils.getPathForFile); '' when it has none. */
  pathForFile(file: File): string;
  /** The native Open dialog, filtered to videos, its words in the UI's language; null when cancelled. */
  chooseVideo(texts?: DialogTexts): Promise<string | null>;
  /**
   * Where an export goes: the native Save dialog (a PDF, a CBZ) or a folder chooser (PNG pages), opened at the
   * project folder with its default name; the path picked is admitted for that one export. null when cancelled.
   */
  chooseExportTarget(request: ExportTargetRequest): Promise<string | null>;
  /** Rebuilds the application menu from these items, labels in the UI's language. */
  setMenu(items: DesktopMenuItem[], labels: Record<DesktopMenuItem['menu'], string>): void;
  /** An item of the application menu was chosen; returns the function that stops listening. */
  onMenuAction(listener: (id: string) => void): () => void;
}

export interface ExportTargetRequest {
  format: ExportFormat;
  /** The project's folder: where the dialog opens, with the export's default name (EXPORT_FILE_NAMES). */
  projectDir: string;
  texts?: DialogTexts;
}

/** A native dialog's words, in the UI's language (the main process has no i18n of its own). */
export interface DialogTexts {
  title: string;
  /** The name of the file type filter ("Videos", "PDF"). */
  filterName: string;
}

/** The texts of a dialog request, when they are what DialogTexts says (ipc brings any value); else the fallback. */
export function dialogTexts(value: unknown, fallback: DialogTexts): DialogTexts {
  const v = (value ?? {}) as Partial<Record<keyof DialogTexts, unknown>>;
  const ok = (s: unknown): s is string => typeof s === 'string' && s.trim().length > 0 && s.length <= 200;
  return { title: ok(v.title) ? v.title : fallback.title, filterName: ok(v.filterName) ? v.filterName : fallback.filterName };
}

/** Electron ipc channels of the desktop additions. */
export const DESKTOP_CHANNELS = {
  chooseVideo: 'comic:choose-video',
  chooseExportTarget: 'comic:choose-export-target',
  setMenu: 'comic:set-menu',
  menuAction: 'comic:menu-action',
} as const;

/** File extensions the Open dialog offers (ffmpeg reads many more: any file may still be chosen). */
export const VIDEO_EXTENSIONS = ['mp4', 'm4v', 'mov', 'mkv', 'webm', 'avi', 'mpg', 'mpeg', 'ts', 'mts', 'm2ts', 'wmv', 'flv', 'ogv', '3gp', 'gif'];
