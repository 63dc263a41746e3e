import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';

/** A peer server process started by a test. */
export interface PeerProcess {
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far (for failure messages). */
  logs(): string;
  /** Whether it has exited. */
  exited(): boolean;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it is gone. */
  stop(graceMs?: number): Promise<void>;
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function killAll(): void {
  for (const child of live) child.kill('SIGKILL');
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // A test that crashes or is interrupted must not leave servers running.
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = (): void => {
      killAll();
      process.removeListener(signal, onSignal);
      // Nobody else handles it: die of it as the default would have.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

// setpriv --pdeathsig makes the kernel kill the server when the test process dies, even of
// SIGKILL (a vitest worker killed on timeout runs no exit handler).
const SETPRIV = '/usr/bin/setpriv';
const hasSetpriv = existsSync(SETPRIV);

/**
 * Start a peer server (knotd, unbound...) in the foreground, capture its output, and make sure
 * it dies with the test process even if afterAll never runs.
 */
export function spawnPeer(command: string, args: string[], cwd: string): PeerProcess {
  installExitHook();
  const child = hasSetpriv
    ? spawn(SETPRIV, ['--pdeathsig', 'KILL', command, ...args], {
        cwd,
        stdio: ['ignore', 'pipe', 'pipe'],
      })
    : spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  let output = '';
  let done = child.exitCode !== null;
  const append = (chunk: Buffer): void => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exitedPromise = new Promise<void>((resolve) => {
    child.once('exit', () => {
      done = true;
      live.delete(child);
      resolve();
    });
    child.once('error', (err) => {
      output += `\nspawn error: ${err.message}`;
      done = true;
      live.delete(child);
      resolve();
    });
  });
  return {
    child,
    logs: () => output,
    exited: () => done,
    stop: async (graceMs = 3000) => {
      if (done) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exitedPromise;
      clearTimeout(timer);
    },
  };
}
