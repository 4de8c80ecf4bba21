import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceActions } from './use-actions';

/** Every shortcut of the workspace, written for this platform (⌘ on macOS), from the one action list. */
export function ShortcutsSheet({ actions, onClose }: { actions: WorkspaceActions; onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="shortcuts-sheet" data-testid="shortcuts-sheet" onClose={onClose} onClick={(e) => e.target === ref.current && onClose()}>
      <h2>{t('shortcuts.title')}</h2>
      <table>
        <tbody>
          {actions.all
            .filter((a) => a.shortcuts.length)
            .map((a) => (
              <tr key={a.action.id} data-testid="shortcut-row">
                <td>{a.label}</td>
                <td>
                  {a.shortcuts.map((s) => (
                    <kbd key={s}>{s}</kbd>
                  ))}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
      <p className="muted">{t('shortcuts.typing')}</p>
      <button type="button" onClick={onClose} autoFocus>
        {t('shortcuts.close')}
      </button>
    </dialog>
  );
}
