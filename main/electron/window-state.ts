import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/** The window's position and size, remembered between runs. */
export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized?: boolean;
}

/** The size a first window opens at; also the smallest the UI is designed for is 900×600. */
export const DEFAULT_BOUNDS: WindowBounds = { width: 1200, height: 800 };

/** A rectangle of a display's work area. */
export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Read the saved bounds; fall back to the default when absent, unreadable, or off every screen. */
export async function loadWindowBounds(dataDir: string, displays: Area[]): Promise<WindowBounds> {
  try {
    const saved = JSON.parse(
      await readFile(join(dataDir, 'window-state.json'), 'utf8'),
    ) as WindowBounds;
    if (typeof saved.width !== 'number' || typeof saved.height !== 'number') return DEFAULT_BOUNDS;
    const b = { ...saved, width: Math.max(900, saved.width), height: Math.max(600, saved.height) };
    if (b.x === undefined || b.y === undefined) return b;
    const visible = displays.some(
      (d) =>
        b.x! < d.x + d.width - 50 &&
        b.x! + b.width > d.x + 50 &&
        b.y! >= d.y - 10 &&
        b.y! < d.y + d.height - 50,
    );
    // A monitor was unplugged since: open on the primary screen rather than off-screen.
    return visible ? b : { width: b.width, height: b.height };
  } catch {
    return DEFAULT_BOUNDS;
  }
}

/** Save the bounds (atomically). */
export async function saveWindowBounds(dataDir: string, bounds: WindowBounds): Promise<void> {
  await writeFileAtomic(join(dataDir, 'window-state.json'), JSON.stringify(bounds), {
    mode: 0o600,
  });
}
