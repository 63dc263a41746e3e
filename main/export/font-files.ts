import { create, type Font } from 'fontkit';
import { existsSync, realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/**
 * The fonts embedded in the summary PDF (assets/fonts, DejaVu Sans), parsed. Parsing a 700 kB
 * font takes longer than laying out a whole summary, so it is done once per process and every
 * PDF reuses the parsed fonts (pdfkit takes a parsed font wherever it takes a file).
 */
export interface PdfFontFiles {
  regular: Font;
  bold: Font;
}

const REGULAR = 'DejaVuSans.ttf';
const BOLD = 'DejaVuSans-Bold.ttf';

// The code runs from main/export (tsx, vitest), bundled in dist/cli.js (ESM) and in the
// Electron bundle (CJS). import.meta would be empty in the CJS bundle, so the search starts from
// what each of them does have: __dirname (CJS), the script being run, the working folder.
function startDirs(): string[] {
  const dirs: string[] = [];
  if (typeof __dirname === 'string') dirs.push(__dirname);
  const script = process.argv[1];
  if (script !== undefined && existsSync(script)) dirs.push(dirname(realpathSync(script)));
  dirs.push(process.cwd());
  return dirs;
}

/**
 * The folder holding the PDF fonts: $MAILWRIGHT_ASSETS/fonts when set (packaged apps), else the
 * nearest assets/fonts above this code, the running script or the working folder.
 */
export function fontsDir(): string {
  const fromEnv = process.env.MAILWRIGHT_ASSETS;
  if (fromEnv) return join(fromEnv, 'fonts');
  for (const start of startDirs()) {
    let dir = start;
    for (;;) {
      const candidate = join(dir, 'assets', 'fonts');
      if (existsSync(join(candidate, REGULAR))) return candidate;
      const parent = resolve(dir, '..');
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error(
    `The PDF fonts (assets/fonts/${REGULAR}) were not found above ${startDirs().join(', ')}. Set MAILWRIGHT_ASSETS to the assets folder.`,
  );
}

let cached: Promise<PdfFontFiles> | undefined;

/** Read and parse the PDF fonts once per process (1.4 MB; every later PDF reuses them). */
export function loadPdfFonts(): Promise<PdfFontFiles> {
  cached ??= (async () => {
    const dir = fontsDir();
    const [regular, bold] = await Promise.all([
      readFile(join(dir, REGULAR)),
      readFile(join(dir, BOLD)),
    ]);
    return { regular: create(regular), bold: create(bold) };
  })().catch((e: unknown) => {
    cached = undefined;
    throw e;
  });
  return cached;
}
