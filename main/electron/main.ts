// The Electron app: one secure window showing the renderer, the contract over IPC.
import { app, BrowserWindow, Menu, protocol, screen, shell } from 'electron';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { EventHub } from '../api/event-hub';
import type { ApiContext } from '../api/context';
import { ProjectStore } from '../store/project-store';
import { VerifyService } from '../verify/verify-service';
import { defaultDataDir } from '../store/data-dir';
import { VERSION } from '../cli/version';
import { APP_ORIGIN, APP_SCHEME, registerAppProtocol } from './app-protocol';
import { forwardEvents, senderCheckFor } from './ipc-register';
import { registerAppIpc } from './ipc-main-binding';
import { hardenWebContents } from './harden-contents';
import { showLinkAsText } from './link-dialog';
import { claimSingleInstance } from './single-instance';
import { appOptionsFromArgv } from './app-options';
import { menuTemplate } from './menu';
import { loadWindowBounds, saveWindowBounds } from './window-state';

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true } },
]);

const dataDir = process.env.MAILWRIGHT_DATA ?? defaultDataDir();
// One data folder for the app, browser mode and the CLI, so a project made in one opens in the others.
app.setPath('userData', dataDir);

let win: BrowserWindow | null = null;

// The CLI's network options, given on the app's command line, are the defaults of its checks.
const { options: verifyOptions, problem } = appOptionsFromArgv(process.argv.slice(1));
if (problem) process.stderr.write(`mailwright: ${problem} (ignored)\n`);

// A second launch focuses this one's window instead of opening another on the same data folder.
const firstInstance = claimSingleInstance(app, () => (win && !win.isDestroyed() ? win : null));

// Every webContents the app ever creates (the window, and anything a page might try to open) is
// locked down before it loads anything: see hardenWebContents.
app.on('web-contents-created', (_e, contents) => {
  hardenWebContents(contents, {
    appOrigin: APP_ORIGIN,
    openExternal: (url) => shell.openExternal(url),
    showLinkAsText: (url) => void showLinkAsText(url),
    allowDevTools: !app.isPackaged,
  });
});

async function createWindow(): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const store = new ProjectStore(dataDir);
  const ctx: ApiContext = {
    version: VERSION,
    transport: 'electron',
    store,
    events: new EventHub(),
    verify: new VerifyService(store, { options: verifyOptions }),
    dns: {
      resolvers: verifyOptions.resolvers,
      nsPort: verifyOptions.nsPort,
      timeoutMs: verifyOptions.timeoutMs,
    },
  };
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
    // The window and taskbar icon on Linux and Windows (macOS takes the app bundle's .icns).
    icon: join(__dirname, 'renderer', 'icon-256.png'),
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  if (bounds.maximized) win.maximize();
  const contents = () => (win && !win.isDestroyed() ? win.webContents : null);
  registerAppIpc(ctx, senderCheckFor(contents, APP_ORIGIN));
  const stopEvents = forwardEvents(ctx, contents);

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

void app.whenReady().then(async () => {
  if (!firstInstance) return;
  // Windows shows notifications only for an app with this id (electron-builder.yml's appId).
  if (process.platform === 'win32') app.setAppUserModelId('org.mailwright.app');
  registerAppProtocol(protocol, join(__dirname, 'renderer'));
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(menuTemplate(process.platform, { packaged: app.isPackaged })),
  );
  await createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
