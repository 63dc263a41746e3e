import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

// The release workflow cannot run here (it needs GitHub's runners and their internet), so this
// checks what can be checked without running it: it parses, builds every installer
// electron-builder.yml lists on the matching runner, never publishes, and uploads each file type.
interface Step {
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
const workflow = load(readFileSync('.github/workflows/release.yml', 'utf8')) as {
  jobs: {
    installers: {
      strategy: { matrix: { include: { os: string; targets: string }[] } };
      steps: Step[];
    };
  };
};
const builder = load(readFileSync('electron-builder.yml', 'utf8')) as Record<
  'linux' | 'mac' | 'win',
  { target: string[] }
>;

describe('the release workflow', () => {
  const job = workflow.jobs.installers;
  const matrix = job.strategy.matrix.include;

  it('builds every target of electron-builder.yml on its own OS', () => {
    const expected = {
      ubuntu: ['--linux', ...builder.linux.target],
      macos: ['--mac', ...builder.mac.target],
      windows: ['--win', ...builder.win.target],
    };
    for (const [os, args] of Object.entries(expected)) {
      const row = matrix.find((m) => m.os.startsWith(os));
      expect(row, os).toBeDefined();
      expect(row!.targets.split(' ')).toEqual(args);
    }
  });

  it('runs electron-builder once per runner, never publishing', () => {
    const build = job.steps.filter((s) => s.run?.includes('electron-builder'));
    expect(build).toHaveLength(1);
    expect(build[0]!.run).toBe('npx electron-builder ${{ matrix.targets }} --publish never');
    expect(job.steps.some((s) => s.run?.startsWith('npm ci'))).toBe(true);
  });

  it('uploads every installer type', () => {
    const upload = job.steps.find((s) => s.uses?.startsWith('actions/upload-artifact'));
    const paths = String(upload?.with?.path);
    for (const ext of ['AppImage', 'deb', 'dmg', 'exe'])
      expect(paths).toContain(`release/*.${ext}`);
    expect(upload?.with?.['if-no-files-found']).toBe('error');
  });
});
