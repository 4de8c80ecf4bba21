/**
 * Every action of the workspace, defined once: id, translation key of its label, shortcuts, where it sits in the
 * application menu, what it does and when it can. The toolbar, the keyboard, the shortcuts sheet (?) and Electron's
 * menu are all made from this list. Plain TypeScript over an ActionContext (no React, no DOM), so it is testable.
 *
 * Another part of the editor adds its own actions here (its handler in `run`, or registered at run time with
 * useActionHandler(id, ...) when it needs the component's state: the timeline's keep/drop, the canvas's delete).
 */
import { REVIEW_ACTIONS } from '../timeline/actions';
import type { StepId } from './step-ids';

export interface ActionContext {
  hasProject: boolean;
  step: StepId;
  goTo(step: StepId): void;
  openVideo(): void;
  canUndo: boolean;
  canRedo: boolean;
  /** What Undo and Redo would undo or redo, in the UI's language ("Reject frame 129"). */
  undoWhat?: string;
  redoWhat?: string;
  undo(): void;
  redo(): void;
  toggleShortcuts(): void;
  /** Handlers registered by components (useActionHandler), by action id. */
  registered: ReadonlyMap<string, { run: () => void; enabled?: boolean }>;
}

export type MenuName = 'file' | 'edit' | 'view' | 'help';

export interface Action {
  id: string;
  /** Key in renderer/i18n/*.json. */
  labelKey: string;
  /** In keyboard-map notation ("Mod+Shift+Z"); the first is the one shown. */
  shortcuts: readonly string[];
  menu?: MenuName;
  /** A shortcut that works while typing in a text field too (the field's own undo is left alone). */
  whileTyping?: boolean;
  /** What the menu item and the tooltip say while there is more to say than the label ("Undo: Reject frame 129"). */
  describe?(ctx: ActionContext): { key: string; values: Record<string, string> } | undefined;
  run(ctx: ActionContext): void;
  enabled(ctx: ActionContext): boolean;
}

const goToStep = (id: StepId, key: string, shortcut: string): Action => ({
  id: `step-${id}`,
  labelKey: `action.step.${key}`,
  shortcuts: [shortcut],
  menu: 'view',
  run: (ctx) => ctx.goTo(id),
  enabled: (ctx) => id === 'video' || ctx.hasProject,
});

/** Run by a component's registered handler (useActionHandler); disabled while none is registered. */
export const registered = (id: string, labelKey: string, shortcuts: string[], menu?: MenuName): Action => ({
  id,
  labelKey,
  shortcuts,
  menu,
  run: (ctx) => ctx.registered.get(id)?.run(),
  enabled: (ctx) => !!ctx.registered.get(id) && ctx.registered.get(id)!.enabled !== false,
});

/** The review's actions (renderer/timeline/actions.ts): run by ReviewView's handlers, on the Key frames step only. */
const reviewAction = (a: (typeof REVIEW_ACTIONS)[number]): Action => {
  const base = registered(a.id, a.labelKey, [a.shortcut], a.menu);
  return { ...base, enabled: (ctx) => ctx.step === 'keyframes' && base.enabled(ctx) };
};

export const ACTIONS: readonly Action[] = [
  { id: 'open-video', labelKey: 'action.openVideo', shortcuts: ['Mod+O'], menu: 'file', whileTyping: true, run: (ctx) => ctx.openVideo(), enabled: () => true },
  { id: 'export', labelKey: 'action.export', shortcuts: ['Mod+E'], menu: 'file', run: (ctx) => ctx.goTo('export'), enabled: (ctx) => ctx.hasProject },
  {
    id: 'undo',
    labelKey: 'action.undo',
    shortcuts: ['Mod+Z'],
    menu: 'edit',
    describe: (ctx) => (ctx.undoWhat ? { key: 'toolbar.undoWhat', values: { what: ctx.undoWhat } } : undefined),
    run: (ctx) => ctx.undo(),
    enabled: (ctx) => ctx.canUndo,
  },
  {
    id: 'redo',
    labelKey: 'action.redo',
    shortcuts: ['Mod+Shift+Z', 'Mod+Y'],
    menu: 'edit',
    describe: (ctx) => (ctx.redoWhat ? { key: 'toolbar.redoWhat', values: { what: ctx.redoWhat } } : undefined),
    run: (ctx) => ctx.redo(),
    enabled: (ctx) => ctx.canRedo,
  },
  goToStep('video', 'video', 'Alt+1'),
  goToStep('keyframes', 'keyframes', 'Alt+2'),
  goToStep('style', 'style', 'Alt+3'),
  goToStep('pages', 'pages', 'Alt+4'),
  goToStep('export', 'export', 'Alt+5'),
  { id: 'shortcuts', labelKey: 'action.shortcuts', shortcuts: ['?'], menu: 'help', run: (ctx) => ctx.toggleShortcuts(), enabled: () => true },
  // The review's keys (renderer/timeline/actions.ts): run by the mounted review, on the Key frames step.
  ...REVIEW_ACTIONS.map(reviewAction),
];

export const actionById = (id: string): Action | undefined => ACTIONS.find((a) => a.id === id);
