import type { Event, Session, WebContents } from 'electron';
import { isAllowedExternalUrl, isAppUrl } from './external-links';

/** The parts of a webContents the hardening uses (Electron's own object, or a test's). */
export type HardenableContents = Pick<
  WebContents,
  'on' | 'setWindowOpenHandler' | 'closeDevTools'
> & {
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;
};

/** What the hardening needs from the rest of Electron. */
export interface HardeningOptions {
  /** The renderer's origin, e.g. mailwright://app: the only place a window may navigate to. */
  appOrigin: string;
  /** shell.openExternal: called only for https links on the allowlist (external-links.ts). */
  openExternal(url: string): Promise<void>;
  /** Any other link the page tries to open: shown to the user as text to copy, never opened. */
  showLinkAsText(url: string): void;
  /** DevTools may open (development); false in the packaged app, where they are closed at once. */
  allowDevTools: boolean;
}

/**
 * Lock down one webContents (every one the app creates goes through here): new windows are
 * refused, navigation away from the app is refused, webviews are refused, every permission request
 * and check is answered no (the app needs none: notifications go through main), and DevTools are
 * closed in the packaged app. Links go to the browser only when allowed (see isAllowedExternalUrl).
 */
export function hardenWebContents(contents: HardenableContents, opts: HardeningOptions): void {
  const leave = (url: string) => {
    if (isAllowedExternalUrl(url))
      void opts.openExternal(url).catch(() => opts.showLinkAsText(url));
    else opts.showLinkAsText(url);
  };

  contents.setWindowOpenHandler(({ url }) => {
    leave(url);
    return { action: 'deny' };
  });

  const guardNavigation = (event: Event, url: string) => {
    if (isAppUrl(url, opts.appOrigin)) return;
    event.preventDefault();
    leave(url);
  };
  contents.on('will-navigate', guardNavigation);
  contents.on('will-redirect', guardNavigation);
  // Sub-frames have no business navigating anywhere either (the app has none).
  contents.on('will-frame-navigate', (details) => {
    if (details.isMainFrame || isAppUrl(details.url, opts.appOrigin)) return;
    details.preventDefault();
  });

  contents.on('will-attach-webview', (event) => event.preventDefault());

  contents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);

  if (!opts.allowDevTools) contents.on('devtools-opened', () => contents.closeDevTools());
}
