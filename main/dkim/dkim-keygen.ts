import { generateKeyPair, type KeyObject } from 'node:crypto';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { splitTxt } from '../../shared/records/txt-split';

/**
 * DKIM key pairs made on this computer with node:crypto. The private key is written to the
 * folder the caller gives (the project's folder) as a PEM file readable only by the owner
 * (mode 0600) and is never returned, logged or shown: callers get its path and the public
 * record to publish.
 */

const generate = promisify(generateKeyPair);

/** What kind of key to make. */
export interface DkimKeyRequest {
  /** The folder to write the private key into (created if missing, mode 0700). */
  folder: string;
  domain: string;
  /** The selector (the part before "._domainkey"). */
  selector: string;
  /** rsa (default) or ed25519. */
  type?: 'rsa' | 'ed25519';
  /** RSA size: 2048 (default) or 4096. */
  bits?: 2048 | 4096;
  /** Replace a key file that already exists. Default false: a key in use must not vanish. */
  overwrite?: boolean;
}

/** A generated key: where the private half is, and the public record. */
export interface DkimKeyResult {
  /** Absolute or caller-relative path of the private key PEM file (mode 0600). */
  privateKeyPath: string;
  selector: string;
  keyType: 'rsa' | 'ed25519';
  bits: number;
  /** Base64 of the public key, as in p= (the plan's dkim.publicKey). */
  publicKey: string;
  /** The record to publish at <selector>._domainkey.<domain>. */
  record: string;
  /** The record split into TXT strings of at most 255 bytes. */
  txtStrings: string[];
  /** Plain sentences to show with the key (e.g. about 4096-bit records and DNS hosts). */
  warnings: string[];
}

/** The key file name: "<domain>.<selector>.key", the name Rspamd looks for by default. */
export function dkimKeyFileName(domain: string, selector: string): string {
  return `${domain}.${selector}.key`;
}

/** The p= value of a public key: SPKI for RSA, the 32 raw bytes for Ed25519 (RFC 8463). */
export function dkimPublicKeyValue(publicKey: KeyObject): string {
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  return (
    publicKey.asymmetricKeyType === 'ed25519' ? spki.subarray(spki.length - 32) : spki
  ).toString('base64');
}

/** Make one DKIM key pair, write the private key (0600) and return the public record. */
export async function generateDkimKey(req: DkimKeyRequest): Promise<DkimKeyResult> {
  const type = req.type ?? 'rsa';
  const bits = type === 'rsa' ? (req.bits ?? 2048) : 256;
  if (!/^[a-z0-9]([a-z0-9._-]*[a-z0-9])?$/i.test(req.selector))
    throw new Error(`"${req.selector}" is not a valid DKIM selector.`);
  if (!/^[a-z0-9.-]+$/i.test(req.domain))
    throw new Error(`"${req.domain}" is not a domain name in ASCII form.`);
  const pair =
    type === 'rsa'
      ? await generate('rsa', { modulusLength: bits, publicExponent: 0x10001 })
      : await generate('ed25519');
  const pem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

  await mkdir(req.folder, { recursive: true, mode: 0o700 });
  const privateKeyPath = join(req.folder, dkimKeyFileName(req.domain, req.selector));
  // "wx" refuses to replace an existing file unless asked; mode applies at creation and chmod
  // covers the overwrite case, so the key is never readable by others even for a moment.
  await writeFile(privateKeyPath, pem, { mode: 0o600, flag: req.overwrite ? 'w' : 'wx' });
  await chmod(privateKeyPath, 0o600);

  const publicKey = dkimPublicKeyValue(pair.publicKey);
  const record = `v=DKIM1; k=${type}; p=${publicKey}`;
  const txtStrings = splitTxt(record);
  const warnings: string[] = [];
  if (type === 'rsa' && bits > 2048) {
    warnings.push(
      `A ${bits}-bit key makes a ${record.length}-character record (${txtStrings.length} pieces of at most 255). Some DNS hosts refuse TXT values this long or cut them off; if yours does, use a 2048-bit key, which every receiver accepts.`,
    );
  }
  if (type === 'ed25519') {
    warnings.push(
      'Many receivers still check only RSA signatures: publish this Ed25519 key beside an RSA key, and sign with both.',
    );
  }
  return {
    privateKeyPath,
    selector: req.selector,
    keyType: type,
    bits,
    publicKey,
    record,
    txtStrings,
    warnings,
  };
}
