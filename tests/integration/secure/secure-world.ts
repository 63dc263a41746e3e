import { execFile } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { promisify } from 'node:util';
import { makeLeaf, makeTestCa, type TestCertificate } from '../smtp/test-certificates';

const run = promisify(execFile);

/**
 * Certificates for the secure-delivery tests. The test CA calls itself "Let's Encrypt" in its
 * organisation (O=) so the CAA check can tell which CAA name it stands for; everything else about
 * it is an ordinary private test CA that only the probes are told to trust. Keys are ECDSA P-256.
 */
export function makeCa(dir: string): Promise<TestCertificate> {
  return makeTestCa(dir, undefined, {
    subject: "/O=Let's Encrypt/CN=Mailwright Test R1",
    key: 'ec',
  });
}

/** A leaf for several names, signed by `ca`, in `dir`/`label` (cert.pem, key.pem). */
export function makeLeafFor(
  dir: string,
  label: string,
  names: string[],
  ca: TestCertificate,
): Promise<TestCertificate> {
  return makeLeaf(dir, label, names, ca, 30, 'ec');
}

/** SHA-256 of a certificate's public key (SubjectPublicKeyInfo DER): the data of a "3 1 1" TLSA record. */
export function spkiSha256(certPem: string): string {
  const der = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex');
}

/** The same hash as the rollover instructions compute it, with openssl (a cross-check). */
export async function spkiSha256ByOpenssl(certFile: string): Promise<string> {
  const { stdout } = await run('sh', [
    '-c',
    `openssl x509 -in '${certFile}' -noout -pubkey | openssl pkey -pubin -outform DER | sha256sum`,
  ]);
  return stdout.split(/\s/)[0] ?? '';
}
