import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A certificate and its key, as PEM, and the folder holding cert.pem and key.pem. */
export interface TestCertificate {
  dir: string;
  certPem: string;
  keyPem: string;
}

/** Make a test CA (10 days) in `dir`/ca. */
export async function makeTestCa(
  dir: string,
  name = 'Mailwright Test CA',
): Promise<TestCertificate> {
  const caDir = join(dir, 'ca');
  await mkdir(caDir, { recursive: true });
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '10',
    '-subj',
    `/CN=${name}`,
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

/**
 * Make a leaf certificate for `hostname` signed by `ca`, valid `days` days, in `dir`/`label`
 * (cert.pem holds the leaf only; the CA is what the probe is told to trust).
 */
export async function makeLeaf(
  dir: string,
  label: string,
  hostname: string,
  ca: TestCertificate,
  days = 30,
): Promise<TestCertificate> {
  const leafDir = join(dir, label);
  await mkdir(leafDir, { recursive: true });
  const ext = join(leafDir, 'ext.cnf');
  await writeFile(
    ext,
    `subjectAltName=DNS:${hostname}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`,
  );
  await run('openssl', [
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    `/CN=${hostname}`,
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
  return {
    dir: leafDir,
    certPem: await readFile(join(leafDir, 'cert.pem'), 'utf8'),
    keyPem: await readFile(join(leafDir, 'key.pem'), 'utf8'),
  };
}

/** A self-signed certificate for `hostname`, valid `days` days, in `dir`/`label`. */
export async function makeSelfSigned(
  dir: string,
  label: string,
  hostname: string,
  days = 30,
): Promise<TestCertificate> {
  const certDir = join(dir, label);
  await mkdir(certDir, { recursive: true });
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    String(days),
    '-subj',
    `/CN=${hostname}`,
    '-addext',
    `subjectAltName=DNS:${hostname}`,
    '-keyout',
    join(certDir, 'key.pem'),
    '-out',
    join(certDir, 'cert.pem'),
  ]);
  return {
    dir: certDir,
    certPem: await readFile(join(certDir, 'cert.pem'), 'utf8'),
    keyPem: await readFile(join(certDir, 'key.pem'), 'utf8'),
  };
}
