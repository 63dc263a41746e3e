import type { ConsoleMessage, Page } from '@playwright/test';

// What every step must pass whatever it shows: no console error or warning, and nothing wider
// than the window. layout-900.spec.ts walks every step with a filled project; the journey of
// one-plan-everywhere.spec.ts checks the same on its way to "All done".

/** Console errors, page errors and failed requests, as lines a test can print. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() !== 'error' && m.type() !== 'warning') return;
    // Browser mode had no favicon yet, so Chromium logged its 404. ship14 adds the icon and
    // the route; this exact message is the only one let through, and only until that lands.
    if (
      m.type() === 'error' &&
      /Failed to load resource: the server responded with a status of 404/.test(m.text()) &&
      /\/favicon\.ico$/.test(m.location().url)
    )
      return;
    problems.push(`${m.type()}: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return problems;
}

/** How far the page, or any element in the step, reaches past the window's right edge. */
export async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width)
      out.push(`page is ${document.documentElement.scrollWidth}px wide in a ${width}px window`);
    for (const el of Array.from(document.querySelectorAll('main *'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= width + 1) continue;
      // Inside a box that scrolls or clips on its own (a <pre> of config lines), it is reachable.
      let clipped = false;
      for (let p = el.parentElement; p && p.tagName !== 'MAIN'; p = p.parentElement) {
        const ox = getComputedStyle(p).overflowX;
        if (ox === 'auto' || ox === 'scroll' || ox === 'hidden') {
          clipped = true;
          break;
        }
      }
      if (clipped) continue;
      // Name the element that pushes, not every box around it.
      if (Array.from(el.children).some((c) => c.getBoundingClientRect().right > width + 1))
        continue;
      const name = `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}`;
      out.push(`${name} reaches ${Math.round(r.right)}px`);
    }
    return out.slice(0, 10);
  });
}
