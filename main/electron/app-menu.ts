import { app, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { DesktopMenuItem } from '../../app/desktop';

const MENUS = ['file', 'edit', 'view', 'help'] as const;

/** The renderer's items, checked: they come from the page, which is trusted to name actions, nothing more. */
export function checkMenuItems(items: unknown): DesktopMenuItem[] {
  if (!Array.isArray(items)) return [];
  return items
    .filter((i): i is DesktopMenuItem => !!i && typeof i.id === 'string' && typeof i.label === 'string' && (MENUS as readonly string[]).includes(i.menu))
    .slice(0, 100)
    .map((i) => ({
      id: i.id.slice(0, 64),
      label: i.label.slice(0, 120),
      menu: i.menu,
      enabled: i.enabled !== false,
      ...(typeof i.accelerator === 'string' ? { accelerator: i.accelerator.slice(0, 40) } : {}),
    }));
}

/**
 * The application menu, made from the renderer's action list (labels in the UI's language, enabled as in the UI):
 * choosing an item sends its action id to the window, which runs it as its toolbar and keys do. The accelerators
 * are shown, not registered: the page handles the keys itself, so a text field keeps its own Ctrl+Z.
 */
export function buildAppMenu(win: BrowserWindow, items: DesktopMenuItem[], labels: Partial<Record<DesktopMenuItem['menu'], string>>, send: (id: string) => void): Menu {
  const section = (menu: DesktopMenuItem['menu']): MenuItemConstructorOptions[] =>
    items
      .filter((i) => i.menu === menu)
      .map((i) => ({ label: i.label, enabled: i.enabled, accelerator: i.accelerator, registerAccelerator: false, click: () => send(i.id) }));
  const mac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    { label: labels.file ?? 'File', submenu: [...section('file'), { type: 'separator' }, mac ? { role: 'close' } : { role: 'quit' }] },
    { label: labels.edit ?? 'Edit', submenu: [...section('edit'), { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    {
      label: labels.view ?? 'View',
      submenu: [...section('view'), { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { role: 'togglefullscreen' }, ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }])],
    },
    { label: labels.help ?? 'Help', submenu: section('help') },
  ];
  const menu = Menu.buildFromTemplate(template);
  if (!win.isDestroyed()) Menu.setApplicationMenu(menu);
  return menu;
}
