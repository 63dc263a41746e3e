import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { DnsWorld } from '../integration/verify/dns-world';
import { loopbackServeArgs, serve, type Served } from './serve-fixture';

/**
 * `mailwright serve` on a fresh data folder (named with `prefix`), resolving through the DNS
 * world's Unbound and asking its Knot directly, as a user's app asks a real DNS host.
 */
export async function serveOn(world: DnsWorld, prefix: string): Promise<Served> {
  const dataDir = await mkdtemp(join(tmpdir(), prefix));
  return serve(dataDir, loopbackServeArgs(world.unbound.address, world.nsPort));
}

/** Stops what serveOn and startDnsWorld started (either may be missing) and removes the folder. */
export async function stopServedWorld(
  served: Served | undefined,
  world: DnsWorld | undefined,
): Promise<void> {
  await served?.stop();
  await world?.stop();
  if (served) await rm(served.dataDir, { recursive: true, force: true });
}

/** Press "Next: <title>" and wait for that step's heading. */
export async function nextStep(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: `Next: ${title}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}
