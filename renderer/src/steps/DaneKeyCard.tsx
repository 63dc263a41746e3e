import { useId, useState } from 'react';
import type { Draft } from '../../../shared/model/project';
import { keyHashCommand } from '../../../shared/records/secure-records';
import { withPart } from './secure-choices';

/**
 * The key hashes the TLSA records publish: the one the last check saw (one click), typed ones,
 * the command that prints it on the server, and the rule for changing keys.
 */
export function DaneKeyCard(props: {
  mailHost: string;
  hashes: string[];
  /** The public key hash the last check saw, when there was one. */
  seenKey: unknown;
  section: Draft['security'];
  update: (patch: Partial<Draft>) => void;
}) {
  const { hashes, seenKey, section, update } = props;
  const [hashText, setHashText] = useState('');
  const hashId = useId();
  const hashOk = /^[0-9a-f]{64}$/i.test(hashText.trim());
  const setHashes = (keyHashes: string[]) => update(withPart(section, 'dane', { keyHashes }));
  return (
    <section className="card" aria-labelledby="dane-title" data-testid="dane-card">
      <h2 id="dane-title" className="card-title">
        Your server's key for DANE
      </h2>
      <p>
        The TLSA record holds the SHA-256 hash of your mail server's public key. Mailwright reads it
        from the certificate your server shows when you run a check, or run this on the server:
      </p>
      <pre className="value-block">{keyHashCommand(props.mailHost)}</pre>
      {typeof seenKey === 'string' && !hashes.includes(seenKey) ? (
        <p>
          The last check saw the key <code>{seenKey.slice(0, 16)}…</code>{' '}
          <button type="button" onClick={() => setHashes([seenKey, ...hashes])}>
            Use this key
          </button>
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={hashId}>Key hash (64 hex digits)</label>
        <input
          id={hashId}
          value={hashText}
          onChange={(e) => setHashText(e.target.value)}
          spellCheck={false}
        />
        {hashText.trim() && !hashOk ? (
          <p className="field-error">
            A key hash is 64 characters 0–9 and a–f, as sha256sum prints it.
          </p>
        ) : null}
        <button
          type="button"
          disabled={!hashOk}
          onClick={() => {
            setHashes([...hashes, hashText.trim().toLowerCase()]);
            setHashText('');
          }}
        >
          Add key hash
        </button>
      </div>
      {hashes.length ? (
        <ul data-testid="dane-hashes">
          {hashes.map((h) => (
            <li key={h}>
              <code>3 1 1 {h}</code>{' '}
              <button
                type="button"
                className="secondary"
                onClick={() => setHashes(hashes.filter((x) => x !== h))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="notice warn compact">
        Before the server gets a new key, add the new key's hash here and publish it, wait two
        hours, then switch keys. With Let's Encrypt, renew with{' '}
        <code>certbot renew --reuse-key</code> so the key stays the same.
      </p>
    </section>
  );
}
