import { execFile } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestCertificate } from '../smtp/test-certificates';

const run = promisify(execFile);

/**
 * Certificates for the secure-delivery tests. The test CA calls itself "Let's Encrypt" in its
 * organisation (O=) so the CAA check can tell which CAA name it stands for; everything else about
 * it is an ordinary private test CA that only the probes are told to trust.
 */
export async function makeCa(dir: string): Promise<TestCertificate> {
  const caDir = join(dir, 'ca');
  await mkdir(caDir, { recursive: true });
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-days',
    '10',
    '-subj',
    "/O=Let's Encrypt/CN=Mailwright Test R1",
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
    '-keyout',
    join(caDir, 'key.pem'),
    '-out',
    join(caDir, 'cert.pem'),
  ]);
  return {
    dir: caDir,
    certPem: await readFile(join(caDir, 'cert.pem'), 'utf8'),
    keyPem: await readFile(join(caDir, 'key.pem'), 'utf8'),
  };
}

/** A leaf for several names, signed by `ca`, in `dir`/`label` (cert.pem, key.pem). */
export async function makeLeafFor(
  dir: string,
  label: string,
  names: string[],
  ca: TestCertificate,
): Promise<TestCertificate> {
  const leafDir = join(dir, label);
  await mkdir(leafDir, { recursive: true });
  const ext = join(leafDir, 'ext.cnf');
  await writeFile(
    ext,
    `subjectAltName=${names.map((n) => `DNS:${n}`).join(',')}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`,
  );
  await run('openssl', [
    'req',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-subj',
    `/CN=${names[0]}`,
    '-keyout',
    join(leafDir, 'key.pem'),
    '-out',
    join(leafDir, 'req.csr'),
  ]);
  await run('openssl', [
    'x509',
    '-req',
    '-in',
    join(leafDir, 'req.csr'),
    '-CA',
    join(ca.dir, 'cert.pem'),
    '-CAkey',
    join(ca.dir, 'key.pem'),
    '-CAcreateserial',
    '-days',
    '30',
    '-extfile',
    ext,
    '-out',
    join(leafDir, 'cert.pem'),
  ]);
  return {
    dir: leafDir,
    certPem: await readFile(join(leafDir, 'cert.pem'), 'utf8'),
    keyPem: await readFile(join(leafDir, 'key.pem'), 'utf8'),
  };
}

/** SHA-256 of a certificate's public key (SubjectPublicKeyInfo DER): the data of a "3 1 1" TLSA record. */
export function spkiSha256(certPem: string): string {
  const der = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex');
}

/** The same hash as the issue's rollover instructions compute it, with openssl (a cross-check). */
export async function spkiSha256ByOpenssl(certFile: string): Promise<string> {
  const { stdout } = await run('sh', [
    '-c',
    `openssl x509 -in '${certFile}' -noout -pubkey | openssl pkey -pubin -outform DER | sha256sum`,
  ]);
  return stdout.split(/\s/)[0] ?? '';
}
