import * as tls from 'node:tls';

let cached: string[] | undefined;

/**
 * The root certificates this computer trusts: Node's bundled Mozilla list (plus
 * NODE_EXTRA_CA_CERTS) and the operating system's store, where this Node can read it.
 */
export function systemRoots(): string[] {
  if (cached) return cached;
  const read = (tls as { getCACertificates?: (type: string) => string[] }).getCACertificates;
  const roots = new Set<string>(tls.rootCertificates);
  if (read) {
    for (const type of ['default', 'system']) {
      try {
        for (const pem of read(type)) roots.add(pem);
      } catch {
        // Older runtimes (or Electron builds) without this store: the bundled list stands.
      }
    }
  }
  cached = [...roots];
  return cached;
}

/**
 * The trust anchors for one probe: the system's roots plus extra CAs (PEM) given for tests or
 * private setups. Extra CAs add trust; nothing here turns verification off.
 */
export function trustAnchors(extraCa: readonly string[] = []): string[] {
  return extraCa.length === 0 ? systemRoots() : [...systemRoots(), ...extraCa];
}
