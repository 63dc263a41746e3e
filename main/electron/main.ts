// The Electron app: one secure window showing the renderer, the contract over IPC.
import { app, BrowserWindow, Menu, protocol, screen, shell } from 'electron';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { EventHub } from '../api/event-hub';
import type { ApiContext } from '../api/context';
import { ProjectStore } from '../store/project-store';
import { setPdfWorker } from '../export/pdf-off-loop';
import { defaultDataDir } from '../store/data-dir';
import { VERSION } from '../cli/version';
import { APP_ORIGIN, APP_SCHEME, registerAppProtocol } from './app-protocol';
import { forwardEvents, senderCheckFor } from './ipc-register';
import { registerAppIpc } from './ipc-main-binding';
import { isSafeExternalUrl } from './external-links';
import { menuTemplate } from './menu';
import { loadWindowBounds, saveWindowBounds } from './window-state';

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true } },
]);

const dataDir = process.env.MAILWRIGHT_DATA ?? defaultDataDir();
// One data folder for the app, browser mode and the CLI, so a project made in one opens in the others.
app.setPath('userData', dataDir);

let win: BrowserWindow | null = null;

async function createWindow(): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  // export.pdf lays out in this worker (bundled beside this file), never in the IPC loop.
  setPdfWorker(join(__dirname, 'pdf-worker.cjs'));
  const ctx: ApiContext = {
    version: VERSION,
    transport: 'electron',
    store: new ProjectStore(dataDir),
    events: new EventHub(),
  };
  // Temp files of saves a crash interrupted (never those of a save another process is making).
  await ctx.store.removeInterruptedSaves();
  const bounds = await loadWindowBounds(
    dataDir,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  win = new BrowserWindow({
    ...bounds,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Mailwright',
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  if (bounds.maximized) win.maximize();
  const contents = () => (win && !win.isDestroyed() ? win.webContents : null);
  registerAppIpc(ctx, senderCheckFor(contents, APP_ORIGIN));
  const stopEvents = forwardEvents(ctx, contents);

  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (url.startsWith(APP_ORIGIN)) return;
    event.preventDefault();
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
  });
  win.once('ready-to-show', () => win?.show());
  win.on('close', () => {
    if (!win) return;
    void saveWindowBounds(dataDir, { ...win.getNormalBounds(), maximized: win.isMaximized() });
  });
  win.on('closed', () => {
    stopEvents();
    win = null;
  });
  await win.loadURL(`${APP_ORIGIN}/index.html`);
}

app.on('web-contents-created', (_e, contents) => {
  // No webviews, ever.
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

void app.whenReady().then(async () => {
  // Windows shows notifications only for an app with this id (electron-builder.yml's appId).
  if (process.platform === 'win32') app.setAppUserModelId('org.mailwright.app');
  registerAppProtocol(protocol, join(__dirname, 'renderer'));
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform)));
  await createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
