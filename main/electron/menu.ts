import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu: the usual roles, so copy/paste, zoom and window shortcuts work everywhere.
 * DevTools (and their shortcut, which comes from this menu) only when not packaged.
 */
export function menuTemplate(
  platform: NodeJS.Platform,
  { packaged }: { packaged: boolean },
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  return [
    ...(mac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...(packaged ? [] : [{ role: 'toggleDevTools' } as MenuItemConstructorOptions]),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
}
