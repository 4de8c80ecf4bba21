import type { Project } from '../project';

/**
 * Every description a command can have, by its key in renderer/i18n/{en,ko,ja}.json, with the names of the values
 * it interpolates. `count` picks the plural form (key_one, key_other). The renderer's i18n test reads this list, so a
 * description without its text in every language fails there, and TypeScript refuses a command that gives a key
 * not listed here or leaves out one of its values.
 */
export const COMMAND_LABELS = {
  'command.acceptFrame': ['frame'],
  'command.acceptShot': ['shot', 'count'],
  'command.addBalloon.caption': [],
  'command.addBalloon.narration': [],
  'command.addBalloon.sfx': [],
  'command.addBalloon.shout': [],
  'command.addBalloon.speech': [],
  'command.addBalloon.thought': [],
  'command.addFrame': ['frame'],
  'command.addPage': [],
  'command.addPanel': [],
  'command.addPanelCorner': [],
  'command.balloonColours': [],
  'command.balloonDirection': [],
  'command.balloonFit': [],
  'command.balloonFont': [],
  'command.balloonKind': [],
  'command.balloonLetterSize': [],
  'command.balloonMove': [],
  'command.balloonResize': [],
  'command.balloonTail': [],
  'command.balloonText': [],
  'command.bookLook.background': [],
  'command.bookLook.borderColor': [],
  'command.bookLook.borderWidth': [],
  'command.bookLook.gutter': [],
  'command.bookLook.margin': [],
  'command.bookLook.several': [],
  'command.chooseStyle': [],
  'command.clearRegions': [],
  'command.deleteBalloon': [],
  'command.deletePage': ['page'],
  'command.deletePanel': [],
  'command.duplicatePage': ['page'],
  'command.exportFormat': [],
  'command.exportResolution': [],
  'command.exportSettings': [],
  'command.exportTitle': [],
  'command.joinPage': [],
  'command.markRegion.box': [],
  'command.markRegion.brush': [],
  'command.markRegion.polygon': [],
  'command.mergePanels': [],
  'command.movePage': ['from', 'to'],
  'command.movePageEarlier': ['page'],
  'command.movePageLater': ['page'],
  'command.movePanel': [],
  'command.movePanelCorner': [],
  'command.newPage': [],
  'command.pageLayout': ['page', 'template'],
  'command.pageLook.background': ['page'],
  'command.pageLook.borderColor': ['page'],
  'command.pageLook.borderWidth': ['page'],
  'command.pageLook.gutter': ['page'],
  'command.pageLook.margin': ['page'],
  'command.pageLook.several': ['page'],
  'command.pageSize': [],
  'command.panPicture': [],
  'command.panelBookStyle': ['frame'],
  'command.panelStyle': ['frame', 'style'],
  'command.placeFrame': [],
  'command.readingOrder': [],
  'command.rejectFrame': ['frame'],
  'command.rejectShot': ['shot', 'count'],
  'command.removePanelCorner': [],
  'command.resetFrame': ['frame'],
  'command.resetShot': ['shot', 'count'],
  'command.resizePanel': [],
  'command.splitPanel': [],
  'command.swapFrames': [],
  'command.zoomPanel': [],
} as const satisfies Record<string, readonly string[]>;

export type CommandLabelKey = keyof typeof COMMAND_LABELS;

type LabelOf<K extends CommandLabelKey> = (typeof COMMAND_LABELS)[K] extends readonly []
  ? { key: K; values?: undefined }
  : { key: K; values: Record<(typeof COMMAND_LABELS)[K][number], string | number> };

/**
 * What the Undo button says, in any language: the key of its text and the values put in it (numbers, and names the
 * user gave or a model has, never English words). The renderer translates it: "Reject frame 129", "129번 프레임 빼기".
 */
export type CommandLabel = { [K in CommandLabelKey]: LabelOf<K> }[CommandLabelKey];

/**
 * One user edit, undoable: `apply` gives the project after it, `revert` the project before it. Pure functions of
 * plain data, shared by the editor, the tests and any headless use.
 */
export interface EditCommand {
  /** What it did, for the Undo and Redo buttons and the Edit menu. */
  label: CommandLabel;
  apply(project: Project): Project;
  revert(project: Project): Project;
}
