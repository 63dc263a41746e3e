import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const TIMEOUT = { timeout: 20_000 };

/** Where the PDF tests leave their artifacts (PDFs and page PNGs) for people to look at. */
export const ARTIFACTS = join(process.cwd(), 'test-output', 'pdf');

/** Save a PDF under test-output/pdf and render its pages to PNGs beside it (pdftoppm). */
export async function saveArtifacts(name: string, pdf: Uint8Array): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${name}.pdf`);
  await writeFile(file, pdf);
  await run('pdftoppm', ['-r', '70', '-png', file, join(ARTIFACTS, name)], TIMEOUT);
  return file;
}

/** The text of a PDF file in content order (pdftotext -raw), as a user would copy it. */
export async function pdfText(file: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], TIMEOUT);
  return stdout;
}

/** Text with all white space removed: wrapped names and values compare whole. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Page count and size in points (pdfinfo). */
export async function pdfInfo(
  file: string,
): Promise<{ pages: number; width: number; height: number }> {
  const { stdout } = await run('pdfinfo', [file], TIMEOUT);
  const pages = Number(/Pages:\s+(\d+)/.exec(stdout)?.[1]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(stdout);
  return { pages, width: Number(size?.[1]), height: Number(size?.[2]) };
}

/** One word's box on a page (pdftotext -bbox). */
export interface WordBox {
  page: number;
  pageWidth: number;
  pageHeight: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

/** Every word of the PDF with its position, to prove nothing runs off the page. */
export async function wordBoxes(file: string): Promise<WordBox[]> {
  const { stdout } = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], {
    ...TIMEOUT,
    maxBuffer: 64 * 1024 * 1024,
  });
  const boxes: WordBox[] = [];
  let page = 0;
  let pageWidth = 0;
  let pageHeight = 0;
  for (const line of stdout.split('\n')) {
    const p = /<page width="([\d.]+)" height="([\d.]+)">/.exec(line);
    if (p) {
      page += 1;
      pageWidth = Number(p[1]);
      pageHeight = Number(p[2]);
      continue;
    }
    const w =
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(
        line,
      );
    if (w) {
      boxes.push({
        page,
        pageWidth,
        pageHeight,
        xMin: Number(w[1]),
        yMin: Number(w[2]),
        xMax: Number(w[3]),
        yMax: Number(w[4]),
        text: w[5] ?? '',
      });
    }
  }
  return boxes;
}
