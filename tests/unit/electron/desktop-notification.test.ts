import { beforeEach, describe, expect, it, vi } from 'vitest';

// Electron's binary is not available on the build machines: Notification and the window are
// stand-ins that record what the app asked of them.
const seen = vi.hoisted(() => ({
  supported: true,
  shown: [] as { title: string; body: string }[],
  clicks: [] as (() => void)[],
  focused: 0,
  restored: 0,
}));
vi.mock('electron', () => ({
  Notification: class {
    static isSupported = () => seen.supported;
    constructor(private options: { title: string; body: string }) {}
    on(event: string, handler: () => void) {
      if (event === 'click') seen.clicks.push(handler);
      return this;
    }
    show() {
      seen.shown.push(this.options);
    }
  },
  BrowserWindow: {
    getAllWindows: () => [
      {
        isMinimized: () => true,
        restore: () => (seen.restored += 1),
        show: () => undefined,
        focus: () => (seen.focused += 1),
      },
    ],
  },
}));

const { showDesktopNotification } = await import('../../../main/electron/desktop-notification');

beforeEach(() => {
  seen.supported = true;
  seen.shown.length = 0;
  seen.clicks.length = 0;
  seen.focused = 0;
  seen.restored = 0;
});

describe('desktop notifications from the main process', () => {
  it('shows the title and body, and a click brings the window back', () => {
    const r = showDesktopNotification({
      title: 'Mailwright: Shop mail',
      body: '1 change: Exactly one SPF record (shop.test): was failing, now passes.',
    });
    expect(r).toEqual({ shown: true });
    expect(seen.shown).toEqual([
      {
        title: 'Mailwright: Shop mail',
        body: '1 change: Exactly one SPF record (shop.test): was failing, now passes.',
      },
    ]);
    seen.clicks[0]!();
    expect(seen.restored).toBe(1);
    expect(seen.focused).toBe(1);
  });

  it('says so when the system cannot show notifications', () => {
    seen.supported = false;
    expect(showDesktopNotification({ title: 't', body: 'b' })).toEqual({ shown: false });
    expect(seen.shown).toEqual([]);
  });
});

describe('app.notify through the contract', () => {
  it('browser mode answers not-in-browser, so the page uses the browser Notification API', async () => {
    const { dispatch } = await import('../../../main/api/dispatch');
    const { EventHub } = await import('../../../main/api/event-hub');
    const { ProjectStore } = await import('../../../main/store/project-store');
    const ctx = {
      version: 't',
      transport: 'http' as const,
      store: new ProjectStore('/nonexistent-mailwright-test'),
      events: new EventHub(),
    };
    const r = await dispatch('app.notify', { title: 'Mailwright', body: 'x' }, ctx);
    expect(r).toMatchObject({ ok: false, error: { code: 'not-in-browser' } });
    expect(seen.shown).toEqual([]);
    const inApp = await dispatch(
      'app.notify',
      { title: 'Mailwright', body: 'x' },
      { ...ctx, transport: 'electron' },
    );
    expect(inApp).toEqual({ ok: true, value: { shown: true } });
    expect(seen.shown).toEqual([{ title: 'Mailwright', body: 'x' }]);
  });
});
