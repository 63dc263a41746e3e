import { ipcMain } from 'electron';
import type { ApiContext } from '../api/context';
import { registerIpc, type SenderCheck } from './ipc-register';

/** Register the contract on Electron's real ipcMain (kept apart so tests can load ipc-register without electron). */
export function registerAppIpc(ctx: ApiContext, isTrustedSender: SenderCheck): () => void {
  return registerIpc(ipcMain, ctx, isTrustedSender);
}
