import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const root = join(import.meta.dirname, '..', '..', '..');

describe('test peers', () => {
  it('die with the test process, even when it is killed with SIGKILL', async () => {
    const script = `
      import { startKnot } from './tests/peers/knot.ts';
      import { zoneText } from './tests/peers/zone-fixtures.ts';
      const knot = await startKnot({ zones: { 'example.test': zoneText({ origin: 'example.test' }) } });
      const { execFileSync } = await import('node:child_process');
      console.log(execFileSync('pgrep', ['-f', knot.dir + '/knot.conf']).toString().trim().split('\\n').join(','));
      setInterval(() => undefined, 1000);
    `;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const pids = await new Promise<number[]>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('\n')) resolve(out.trim().split(',').map(Number));
      });
      child.once('exit', () => reject(new Error(`helper exited early: ${out}`)));
    });
    expect(pids.length).toBeGreaterThan(0);
    expect(pids.every(alive)).toBe(true);
    child.kill('SIGKILL');
    const until = Date.now() + 5000;
    while (pids.some(alive) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(pids.filter(alive)).toEqual([]);
  });
});
