import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Electron's binary is not available on the build machines: the dialog is a stand-in that
// answers what a user would pick, and the test checks what lands on disk.
const picked = vi.hoisted(() => ({
  answer: { canceled: true, filePath: '' },
  options: [] as unknown[],
}));
vi.mock('electron', () => ({
  BrowserWindow: { getFocusedWindow: () => null },
  dialog: {
    showSaveDialog: async (options: unknown) => {
      picked.options.push(options);
      return picked.answer;
    },
  },
}));

const { saveWithDialog } = await import('../../../main/electron/save-dialog');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mw-save-dialog-'));
  picked.options.length = 0;
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('saving an export through the save dialog', () => {
  it('writes the exact bytes where the user chose, offering the suggested name', async () => {
    const path = join(dir, 'summary.pdf');
    picked.answer = { canceled: false, filePath: path };
    const bytes = Buffer.from('%PDF-1.7 body');
    const r = await saveWithDialog({
      kind: 'pdf',
      suggestedName: 'mailwright-example.test.pdf',
      base64: bytes.toString('base64'),
    });
    expect(r).toEqual({ saved: true, path });
    expect(await readFile(path)).toEqual(bytes);
    expect(picked.options[0]).toMatchObject({
      defaultPath: 'mailwright-example.test.pdf',
      filters: [{ extensions: ['pdf'] }],
    });
  });

  it('writes nothing when the user closes the dialog', async () => {
    picked.answer = { canceled: true, filePath: '' };
    const r = await saveWithDialog({
      kind: 'zone',
      suggestedName: 'example.test.zone',
      base64: '',
    });
    expect(r).toEqual({ saved: false, path: null });
  });
});
