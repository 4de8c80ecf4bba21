import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DesktopMenuItem } from '../../app/desktop';
import { desktop } from '../api/desktop';
import { ACTIONS, actionById, type Action, type ActionContext } from './actions';
import { bindingFor, formatChord, parseChord, platformOf, toAccelerator, type Platform } from './keyboard-map';

type Handler = { run: () => void; enabled?: boolean };
type Registry = { set(id: string, handler: Handler | undefined): void };

const RegistryContext = createContext<Registry | undefined>(undefined);

/** This machine's platform, for shortcut conventions (⌘ on macOS). */
export function currentPlatform(): Platform {
  const nav = navigator as Navigator & { userAgentData?: { platform?: string } };
  return platformOf(desktop()?.platform ?? nav.userAgentData?.platform ?? nav.platform ?? nav.userAgent);
}

/** A component's own handler for an action of the list (the timeline's keep/drop, ...), while it is mounted. */
export function useActionHandler(id: string, run: () => void, enabled = true): void {
  const registry = useContext(RegistryContext);
  const latest = useRef(run);
  latest.current = run;
  useEffect(() => {
    registry?.set(id, { run: () => latest.current(), enabled });
    return () => registry?.set(id, undefined);
  }, [registry, id, enabled]);
}

const typingIn = (el: EventTarget | null) => {
  const e = el as HTMLElement | null;
  return !!e && (e.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.tagName));
};

export interface WorkspaceActions {
  /** The action as the UI shows it: label, the shortcut written for this platform, enabled, run. */
  view(id: string): { label: string; shortcut?: string; title: string; enabled: boolean; run: () => void };
  /** `text`: the label, or what the action would do now when it says more ("Undo: Reject frame 129"). */
  all: Array<{ action: Action; label: string; text: string; shortcuts: string[]; enabled: boolean }>;
}

/**
 * The action list at work: the context each handler sees, the keyboard (one window listener), and in Electron the
 * application menu (rebuilt when a label, a language or an enabled state changes; choosing an item runs the action).
 */
export function useWorkspaceActions(base: Omit<ActionContext, 'registered'>): { actions: WorkspaceActions; Provider: (p: { children: ReactNode }) => ReactNode } {
  const { t, i18n } = useTranslation();
  const [registered, setRegistered] = useState<ReadonlyMap<string, Handler>>(new Map());
  const registry = useMemo<Registry>(
    () => ({
      set: (id, handler) =>
        setRegistered((before) => {
          const next = new Map(before);
          if (handler) next.set(id, handler);
          else next.delete(id);
          return next;
        }),
    }),
    [],
  );
  const ctx: ActionContext = { ...base, registered };
  const ctxRef = useRef(ctx);
  ctxRef.current = ctx;
  const platform = currentPlatform();

  const runAction = useCallback((id: string) => {
    const action = actionById(id);
    if (action && action.enabled(ctxRef.current)) action.run(ctxRef.current);
  }, []);

  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      if (ev.defaultPrevented || ev.isComposing) return;
      const action = bindingFor(ACTIONS, ev, platform);
      if (!action) return;
      // In a text field its own keys win (typing "?" or undoing a word), except the few meant to work anywhere.
      if (typingIn(ev.target) && !action.whileTyping) return;
      // A disabled action leaves the key alone (for the page, or a component's own handling).
      if (!action.enabled(ctxRef.current)) return;
      ev.preventDefault();
      runAction(action.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [platform, runAction]);

  const all = ACTIONS.map((action) => {
    const label = t(action.labelKey);
    const detail = action.describe?.(ctx);
    return { action, label, text: detail ? t(detail.key, detail.values) : label, shortcuts: action.shortcuts.map((s) => formatChord(parseChord(s), platform)), enabled: action.enabled(ctx) };
  });

  const menuKey = JSON.stringify(all.map((a) => [a.action.id, a.text, a.enabled]));
  useEffect(() => {
    const bridge = desktop();
    if (!bridge) return;
    const items: DesktopMenuItem[] = all
      .filter((a) => a.action.menu)
      .map((a) => ({ id: a.action.id, label: a.text, menu: a.action.menu!, enabled: a.enabled, ...(a.action.shortcuts[0] ? { accelerator: toAccelerator(parseChord(a.action.shortcuts[0])) } : {}) }));
    bridge.setMenu(items, { file: t('menu.file'), edit: t('menu.edit'), view: t('menu.view'), help: t('menu.help') });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- menuKey stands for the items
  }, [menuKey, i18n.language]);
  useEffect(() => desktop()?.onMenuAction(runAction), [runAction]);

  const actions: WorkspaceActions = {
    all,
    view(id) {
      const a = all.find((x) => x.action.id === id);
      if (!a) throw new Error(`no action ${id}`);
      const shortcut = a.shortcuts[0];
      return { label: a.label, shortcut, title: shortcut ? `${a.text} (${shortcut})` : a.text, enabled: a.enabled, run: () => runAction(id) };
    },
  };
  const Provider = useCallback(({ children }: { children: ReactNode }) => <RegistryContext.Provider value={registry}>{children}</RegistryContext.Provider>, [registry]);
  return { actions, Provider };
}
