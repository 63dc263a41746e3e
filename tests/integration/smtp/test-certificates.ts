import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Certificates for the tests, made with openssl: a private test CA, leaves it signs, and
 * self-signed ones. The SMTP, secure-delivery and browser tests all make theirs here.
 */

/** A certificate and its key, as PEM, and the folder holding cert.pem and key.pem. */
export interface TestCertificate {
  dir: string;
  certPem: string;
  keyPem: string;
}

/** RSA 2048 (the default) or ECDSA P-256 keys. */
type KeyKind = 'rsa' | 'ec';

function newKey(kind: KeyKind): string[] {
  return kind === 'ec'
    ? ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256']
    : ['-newkey', 'rsa:2048'];
}

async function read(dir: string): Promise<TestCertificate> {
  return {
    dir,
    certPem: await readFile(join(dir, 'cert.pem'), 'utf8'),
    keyPem: await readFile(join(dir, 'key.pem'), 'utf8'),
  };
}

/** A self-signed certificate in `dir` (cert.pem, key.pem) with these extensions. */
async function selfSignedIn(
  dir: string,
  subject: string,
  days: number,
  key: KeyKind,
  extensions: string[],
): Promise<TestCertificate> {
  await mkdir(dir, { recursive: true });
  await run('openssl', [
    'req',
    '-x509',
    ...newKey(key),
    '-nodes',
    '-days',
    String(days),
    '-subj',
    subject,
    ...extensions.flatMap((e) => ['-addext', e]),
    '-keyout',
    join(dir, 'key.pem'),
    '-out',
    join(dir, 'cert.pem'),
  ]);
  return read(dir);
}

/**
 * Make a test CA (10 days) in `dir`/ca. `subject` replaces "/CN=<name>" (the secure-delivery tests
 * give it O=Let's Encrypt so the CAA check can tell which CA it stands for).
 */
export async function makeTestCa(
  dir: string,
  name = 'Mailwright Test CA',
  options: { subject?: string; key?: KeyKind } = {},
): Promise<TestCertificate> {
  return selfSignedIn(join(dir, 'ca'), options.subject ?? `/CN=${name}`, 10, options.key ?? 'rsa', [
    'basicConstraints=critical,CA:TRUE',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
}

/**
 * Make a leaf certificate for `hostname` (or several names, the first its CN) signed by `ca`,
 * valid `days` days, in `dir`/`label` (cert.pem holds the leaf only; the CA is what the probe is
 * told to trust).
 */
export async function makeLeaf(
  dir: string,
  label: string,
  hostname: string | readonly string[],
  ca: TestCertificate,
  days = 30,
  key: KeyKind = 'rsa',
): Promise<TestCertificate> {
  const names = typeof hostname === 'string' ? [hostname] : hostname;
  const leafDir = join(dir, label);
  await mkdir(leafDir, { recursive: true });
  const ext = join(leafDir, 'ext.cnf');
  await writeFile(
    ext,
    `subjectAltName=${names.map((n) => `DNS:${n}`).join(',')}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`,
  );
  await run('openssl', [
    'req',
    ...newKey(key),
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
    String(days),
    '-extfile',
    ext,
    '-out',
    join(leafDir, 'cert.pem'),
  ]);
  return read(leafDir);
}

/** A self-signed certificate for `hostname`, valid `days` days, in `dir`/`label`. */
export async function makeSelfSigned(
  dir: string,
  label: string,
  hostname: string,
  days = 30,
): Promise<TestCertificate> {
  return selfSignedIn(join(dir, label), `/CN=${hostname}`, days, 'rsa', [
    `subjectAltName=DNS:${hostname}`,
  ]);
}
