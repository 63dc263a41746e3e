import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CALL_NAMES, callChannel, eventChannel } from '../../shared/api/contract';
import type { ApiContext } from '../api/context';
import { dispatch } from '../api/dispatch';
import type { Handlers } from '../api/handlers';
import { isAppUrl } from './external-links';

/** Decides whether an IPC message comes from our own window's main frame. */
export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/**
 * Register one IPC handler per contract call. Each checks the sender, then hands the payload
 * (as `unknown`) to the dispatcher, which validates it with the call's schema.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  ctx: ApiContext,
  isTrustedSender: SenderCheck,
  handlers?: Handlers,
): () => void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(callChannel(name), async (event, payload: unknown) => {
      if (!isTrustedSender(event)) {
        return {
          ok: false,
          error: {
            code: 'forbidden',
            message: 'This request did not come from the Mailwright window.',
          },
        };
      }
      return dispatch(name, payload, ctx, handlers);
    });
  }
  return () => {
    for (const name of CALL_NAMES) ipcMain.removeHandler(callChannel(name));
  };
}

/** Only the given window's top frame, showing our own app URL, may call main. */
export function senderCheckFor(contents: () => WebContents | null, appOrigin: string): SenderCheck {
  return (event) => {
    const wc = contents();
    if (!wc || event.sender !== wc) return false;
    const frame = event.senderFrame;
    if (!frame || frame !== wc.mainFrame) return false;
    return isAppUrl(frame.url, appOrigin);
  };
}

/** Forward every contract event to a window; returns the unsubscribe function. */
export function forwardEvents(ctx: ApiContext, contents: () => WebContents | null): () => void {
  return ctx.events.subscribe((name, payload) => {
    const wc = contents();
    if (wc && !wc.isDestroyed()) wc.send(eventChannel(name), payload);
  });
}
