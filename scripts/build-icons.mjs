// Makes every icon file from the one drawing, assets/icon.svg (run by `npm run build`):
//   dist/icons/png/NxN.png   Linux (electron-builder's linux.icon folder; AppImage and deb)
//   dist/icons/icon.ico      Windows (installer and .exe)
//   dist/icons/icon.icns     macOS (the .app and the dmg)
//   dist/icons/web/          favicon.ico, favicon-16.png, favicon-32.png and icon-256.png (the
//                            window icon); vite copies this folder into dist/renderer, so browser
//                            mode and the Electron window both get them from the renderer folder.
// The rasterising is sharp's (libvips + librsvg), the .ico/.icns packing icon-gen's.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import iconGen from 'icon-gen';

const SOURCE = 'assets/icon.svg';
const OUT = 'dist/icons';
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];

/** Up to date when every output is newer than the drawing (a rebuild then costs nothing). */
async function upToDate(outputs) {
  const src = (await stat(SOURCE)).mtimeMs;
  try {
    for (const f of outputs) if ((await stat(f)).mtimeMs < src) return false;
    return true;
  } catch {
    return false;
  }
}

/** The drawing as a size×size PNG, rendered at that size (not scaled down from a big bitmap). */
function png(svg, size) {
  return sharp(svg, { density: (72 * size) / 512 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toBuffer();
}

const outputs = [
  ...LINUX_SIZES.map((s) => join(OUT, 'png', `${s}x${s}.png`)),
  join(OUT, 'icon.ico'),
  join(OUT, 'icon.icns'),
  join(OUT, 'web', 'favicon.ico'),
  join(OUT, 'web', 'favicon-16.png'),
  join(OUT, 'web', 'favicon-32.png'),
  join(OUT, 'web', 'icon-256.png'),
];

if (!(await upToDate(outputs))) {
  const svg = await readFile(SOURCE);
  await mkdir(join(OUT, 'png'), { recursive: true });
  await mkdir(join(OUT, 'web'), { recursive: true });
  for (const s of LINUX_SIZES) await writeFile(join(OUT, 'png', `${s}x${s}.png`), await png(svg, s));
  await writeFile(join(OUT, 'web', 'icon-256.png'), await png(svg, 256));
  await iconGen(SOURCE, OUT, {
    report: false,
    ico: { name: 'icon' },
    icns: { name: 'icon' },
  });
  await iconGen(SOURCE, join(OUT, 'web'), {
    report: false,
    favicon: { name: 'favicon-', pngSizes: [16, 32], icoSizes: [16, 24, 32, 48, 64] },
  });
}
