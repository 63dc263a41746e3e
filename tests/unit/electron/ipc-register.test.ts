import { describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { CALL_NAMES, callChannel } from '../../../shared/api/contract';
import { registerIpc, senderCheckFor } from '../../../main/electron/ipc-register';
import { EventHub } from '../../../main/api/event-hub';
import { ProjectStore } from '../../../main/store/project-store';

// Electron's binary is not available on build machines; the glue is tested with the
// electron module's objects injected (docs/TESTING.md).
type Listener = (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>;

async function setup() {
  const registered = new Map<string, Listener>();
  const ipcMain = {
    handle: (channel: string, l: Listener) => void registered.set(channel, l),
    removeHandler: (channel: string) => void registered.delete(channel),
  };
  const mainFrame = { url: 'mailwright://app/index.html' };
  const wc = { mainFrame } as unknown as WebContents;
  const ctx = {
    version: 't',
    transport: 'electron' as const,
    store: new ProjectStore(await mkdtemp(join(tmpdir(), 'mw-ipc-'))),
    events: new EventHub(),
  };
  const unregister = registerIpc(
    ipcMain as never,
    ctx,
    senderCheckFor(() => wc, 'mailwright://app'),
  );
  return { registered, wc, mainFrame, unregister };
}

describe('IPC registration', () => {
  it('registers exactly one handler per contract call', async () => {
    const { registered, unregister } = await setup();
    expect([...registered.keys()].sort()).toEqual(CALL_NAMES.map(callChannel).sort());
    unregister();
    expect(registered.size).toBe(0);
  });

  it('answers our window main frame', async () => {
    const { registered, wc, mainFrame } = await setup();
    const r = await registered.get(callChannel('app.info'))!(
      { sender: wc, senderFrame: mainFrame } as never,
      {},
    );
    expect(r).toMatchObject({ ok: true, value: { transport: 'electron' } });
  });

  it('refuses other senders, sub-frames and foreign URLs', async () => {
    const { registered, wc, mainFrame } = await setup();
    const call = registered.get(callChannel('projects.list'))!;
    const other = {} as WebContents;
    expect(await call({ sender: other, senderFrame: mainFrame } as never, {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(
      await call({ sender: wc, senderFrame: { url: 'mailwright://app/' } } as never, {}),
    ).toMatchObject({ ok: false });
    // The origin is compared on the parsed URL, not as a prefix.
    for (const url of [
      'mailwright://apple/index.html',
      'mailwright://app.evil/',
      'mailwright://app@evil/',
    ]) {
      const lookalike = { url };
      const wc3 = { mainFrame: lookalike } as unknown as WebContents;
      expect(
        senderCheckFor(
          () => wc3,
          'mailwright://app',
        )({ sender: wc3, senderFrame: lookalike } as never),
        url,
      ).toBe(false);
    }
    const foreign = { url: 'https://evil.example/' };
    const wc2 = { mainFrame: foreign } as unknown as WebContents;
    const check = senderCheckFor(() => wc2, 'mailwright://app');
    expect(check({ sender: wc2, senderFrame: foreign } as never)).toBe(false);
  });

  it('validates payloads arriving over IPC', async () => {
    const { registered, wc, mainFrame } = await setup();
    const r = await registered.get(callChannel('projects.rename'))!(
      { sender: wc, senderFrame: mainFrame } as never,
      { id: 1 },
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });
});
