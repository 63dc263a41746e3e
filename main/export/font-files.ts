import { create, type Font } from 'fontkit';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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

// The code runs from main/export (tsx, vitest), from dist/ (the bundled CLI, ESM) and from the
// Electron bundle (CJS, where import.meta is empty): start from whichever location is defined.
function startDir(): string {
  if (typeof __dirname === 'string') return __dirname;
  return dirname(fileURLToPath(import.meta.url));
}

/**
 * The folder holding the PDF fonts: $MAILWRIGHT_ASSETS/fonts when set (packaged apps), else the
 * nearest assets/fonts walking up from this file.
 */
export function fontsDir(): string {
  const fromEnv = process.env.MAILWRIGHT_ASSETS;
  if (fromEnv) return join(fromEnv, 'fonts');
  let dir = startDir();
  for (;;) {
    const candidate = join(dir, 'assets', 'fonts');
    if (existsSync(join(candidate, REGULAR))) return candidate;
    const parent = resolve(dir, '..');
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(
    `The PDF fonts (assets/fonts/${REGULAR}) were not found near ${startDir()}. Set MAILWRIGHT_ASSETS to the assets folder.`,
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
