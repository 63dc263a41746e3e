import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hardenWebContents, type HardenableContents } from '../../../main/electron/harden-contents';
import {
  EXTERNAL_LINK_HOSTS,
  isAllowedExternalUrl,
  isAppUrl,
} from '../../../main/electron/external-links';
import { claimSingleInstance } from '../../../main/electron/single-instance';
import { menuTemplate } from '../../../main/electron/menu';

// Electron's binary is not available on build machines: the hardening takes Electron's objects as
// arguments, and these tests hand it stand-ins that record what it registered, then fire the
// events Electron would fire and look at the outcome (prevented or not, opened or shown as text).
type Listener = (...args: unknown[]) => unknown;

function fakeContents() {
  const listeners = new Map<string, Listener[]>();
  let windowOpen: ((d: { url: string }) => { action: string }) | null = null;
  let requestHandler: Listener | null = null;
  let checkHandler: Listener | null = null;
  let devToolsClosed = 0;
  const contents = {
    on(name: string, l: Listener) {
      listeners.set(name, [...(listeners.get(name) ?? []), l]);
      return contents;
    },
    setWindowOpenHandler(h: typeof windowOpen) {
      windowOpen = h;
    },
    closeDevTools() {
      devToolsClosed += 1;
    },
    session: {
      setPermissionRequestHandler(h: Listener | null) {
        requestHandler = h;
      },
      setPermissionCheckHandler(h: Listener | null) {
        checkHandler = h;
      },
    },
  };
  const opened: string[] = [];
  const shown: string[] = [];
  const harden = (allowDevTools = false) =>
    hardenWebContents(contents as unknown as HardenableContents, {
      appOrigin: 'mailwright://app',
      openExternal: async (url) => void opened.push(url),
      showLinkAsText: (url) => void shown.push(url),
      allowDevTools,
    });
  /** Fire an event as Electron does; true when a listener called preventDefault. */
  const fire = (name: string, ...args: unknown[]) => {
    let prevented = false;
    const event = { preventDefault: () => (prevented = true) };
    for (const l of listeners.get(name) ?? []) l(event, ...args);
    return prevented;
  };
  const fireFrame = (url: string, isMainFrame: boolean) => {
    let prevented = false;
    const details = { url, isMainFrame, preventDefault: () => (prevented = true) };
    for (const l of listeners.get('will-frame-navigate') ?? []) l(details);
    return prevented;
  };
  return {
    harden,
    fire,
    fireFrame,
    opened,
    shown,
    windowOpen: (url: string) => windowOpen?.({ url }),
    permissionRequest: (permission: string) =>
      new Promise<boolean>((resolve) => {
        if (!requestHandler)
          resolve(true); // Electron's default without a handler: granted
        else requestHandler({}, permission, resolve, {});
      }),
    permissionCheck: (permission: string) =>
      checkHandler ? (checkHandler({}, permission, 'mailwright://app', {}) as boolean) : true,
    devToolsClosed: () => devToolsClosed,
  };
}

const HELP = 'https://check.spamhaus.org/';

describe('the window may not navigate away from the app', () => {
  it.each([
    'https://evil.example/',
    'http://check.spamhaus.org/',
    'mailwright://apple/index.html',
    'mailwright://app.evil/index.html',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<h1>hi</h1>',
  ])('refuses %s (will-navigate and will-redirect), shows it as text', (url) => {
    const c = fakeContents();
    c.harden();
    expect(c.fire('will-navigate', url)).toBe(true);
    expect(c.fire('will-redirect', url)).toBe(true);
    expect(c.opened).toEqual([]);
    expect(c.shown).toEqual([url, url]);
  });

  it('lets the app move between its own pages', () => {
    const c = fakeContents();
    c.harden();
    expect(c.fire('will-navigate', 'mailwright://app/index.html#/projects')).toBe(false);
    expect(c.fire('will-redirect', 'mailwright://app/index.html')).toBe(false);
    expect(c.shown).toEqual([]);
  });

  it('opens an allowed help page in the browser instead of navigating', () => {
    const c = fakeContents();
    c.harden();
    expect(c.fire('will-navigate', HELP)).toBe(true);
    expect(c.opened).toEqual([HELP]);
    expect(c.shown).toEqual([]);
  });

  it('refuses sub-frame navigation away from the app', () => {
    const c = fakeContents();
    c.harden();
    expect(c.fireFrame('https://evil.example/', false)).toBe(true);
    expect(c.fireFrame('mailwright://app/index.html', false)).toBe(false);
  });
});

describe('new windows', () => {
  it('are always refused; an allowed link goes to the browser, others are shown as text', () => {
    const c = fakeContents();
    c.harden();
    expect(c.windowOpen(HELP)).toEqual({ action: 'deny' });
    expect(c.windowOpen('https://evil.example/')).toEqual({ action: 'deny' });
    expect(c.windowOpen('mailwright://app/index.html')).toEqual({ action: 'deny' });
    expect(c.opened).toEqual([HELP]);
    expect(c.shown).toEqual(['https://evil.example/', 'mailwright://app/index.html']);
  });
});

describe('webviews and permissions', () => {
  it('refuses every webview', () => {
    const c = fakeContents();
    c.harden();
    expect(c.fire('will-attach-webview', {}, { src: 'https://evil.example/' })).toBe(true);
  });

  it.each([
    'notifications',
    'media',
    'geolocation',
    'clipboard-read',
    'openExternal',
    'fullscreen',
  ])('denies the permission request and check for %s', async (permission) => {
    const c = fakeContents();
    expect(await c.permissionRequest(permission)).toBe(true); // before: Electron grants
    c.harden();
    expect(await c.permissionRequest(permission)).toBe(false);
    expect(c.permissionCheck(permission)).toBe(false);
  });
});

describe('DevTools', () => {
  it('are closed at once in the packaged app, left alone in development', () => {
    const packaged = fakeContents();
    packaged.harden(false);
    packaged.fire('devtools-opened');
    expect(packaged.devToolsClosed()).toBe(1);
    const dev = fakeContents();
    dev.harden(true);
    dev.fire('devtools-opened');
    expect(dev.devToolsClosed()).toBe(0);
  });

  it('are in the development menu only', () => {
    const roles = (packaged: boolean) =>
      JSON.stringify(menuTemplate('linux', { packaged })).match(/toggleDevTools/g)?.length ?? 0;
    expect(roles(false)).toBe(1);
    expect(roles(true)).toBe(0);
  });
});

describe('links and origins', () => {
  it.each([
    [HELP, true],
    ['https://www.spamcop.net/bl.shtml', true],
    ['http://check.spamhaus.org/', false],
    ['https://check.spamhaus.org:8443/', false],
    ['https://user@check.spamhaus.org/', false],
    ['https://check.spamhaus.org.evil.example/', false],
    ['https://evil.example/?https://check.spamhaus.org/', false],
    ['https://letsencrypt.org/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s may open in the browser: %s', (url, allowed) =>
    expect(isAllowedExternalUrl(url)).toBe(allowed),
  );

  it('allows the removal pages the app shows, and nothing else', () => {
    expect([...EXTERNAL_LINK_HOSTS].sort()).toContain('check.spamhaus.org');
    for (const host of EXTERNAL_LINK_HOSTS) expect(host).toMatch(/^[a-z0-9.-]+\.[a-z]+$/);
  });

  it.each([
    ['mailwright://app/index.html', true],
    ['mailwright://app', true],
    ['mailwright://apple/index.html', false],
    ['mailwright://app.evil/', false],
    ['mailwright://app@evil/', false],
    ['https://app/', false],
  ])('%s is the app: %s', (url, ok) => expect(isAppUrl(url, 'mailwright://app')).toBe(ok));
});

describe('single instance', () => {
  function fakeApp(lock: boolean) {
    const on = new Map<string, Listener>();
    let quit = 0;
    return {
      app: {
        requestSingleInstanceLock: () => lock,
        quit: () => void (quit += 1),
        on: (name: string, l: Listener) => void on.set(name, l),
      },
      on,
      quits: () => quit,
    };
  }

  it('a second launch quits', () => {
    const a = fakeApp(false);
    expect(claimSingleInstance(a.app as never, () => null)).toBe(false);
    expect(a.quits()).toBe(1);
  });

  it('the first brings its window back when launched again', () => {
    const a = fakeApp(true);
    const calls: string[] = [];
    const win = {
      isMinimized: () => true,
      restore: () => void calls.push('restore'),
      show: () => void calls.push('show'),
      focus: () => void calls.push('focus'),
    };
    expect(claimSingleInstance(a.app as never, () => win)).toBe(true);
    expect(a.quits()).toBe(0);
    a.on.get('second-instance')!({}, [], '');
    expect(calls).toEqual(['restore', 'show', 'focus']);
  });
});

describe('main.ts wiring', () => {
  // The guards above only help if the app uses them: main.ts must hand every webContents to the
  // hardening, take the single-instance lock and build the menu with the packaged flag.
  const main = readFileSync('main/electron/main.ts', 'utf8');
  it('hardens every webContents, takes the lock, hides DevTools when packaged', () => {
    expect(main).toMatch(/app\.on\('web-contents-created',[^]*?hardenWebContents\(contents,/);
    expect(main).toMatch(/allowDevTools: !app\.isPackaged/);
    expect(main).toMatch(/devTools: !app\.isPackaged/);
    expect(main).toMatch(/claimSingleInstance\(app,/);
    expect(main).toMatch(/if \(!firstInstance\) return;/);
    expect(main).toMatch(/menuTemplate\(process\.platform, \{ packaged: app\.isPackaged \}\)/);
    expect(main).not.toMatch(/startsWith\(APP_ORIGIN\)/);
  });
});
