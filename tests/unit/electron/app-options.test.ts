import { describe, expect, it } from 'vitest';
import { appOptionsFromArgv } from '../../../main/electron/app-options';

describe("the desktop app's network options", () => {
  it('are the CLI flags, among Electron and Chromium switches', () => {
    const r = appOptionsFromArgv([
      '.',
      '--remote-debugging-port=0',
      '--resolver',
      '127.0.0.1:5353',
      '--ns-port',
      '5354',
      '--no-smtp',
      '--no-dnsbl',
      '--timeout',
      '1500',
    ]);
    expect(r).toEqual({
      options: {
        resolvers: ['127.0.0.1:5353'],
        nsPort: 5354,
        noSmtp: true,
        noDnsbl: true,
        timeoutMs: 1500,
      },
      problem: null,
    });
  });

  it('are empty (real-world defaults) when none are given', () => {
    expect(appOptionsFromArgv(['.'])).toEqual({ options: {}, problem: null });
    expect(appOptionsFromArgv([])).toEqual({ options: {}, problem: null });
  });

  it('report a bad value instead of stopping the app', () => {
    const r = appOptionsFromArgv(['--ns-port', 'x']);
    expect(r.options).toEqual({});
    expect(r.problem).toContain('--ns-port: "x" is not a port number');
  });
});
