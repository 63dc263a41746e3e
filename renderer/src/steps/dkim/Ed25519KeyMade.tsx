import type { GeneratedKey } from '../../../../shared/model/project';
import { RecordToPublish } from './RecordToPublish';

/** The Ed25519 key made on this computer: its file, its record beside the RSA one, and "Remove". */
export function Ed25519KeyMade({
  generated: key,
  domain,
  remove,
}: {
  generated: GeneratedKey;
  domain: string | undefined;
  remove: () => void;
}) {
  return (
    <>
      <p className="field-ok" data-testid="dkim-ed25519-generated">
        An Ed25519 key for the selector "{key.selector}" was made on this computer.
      </p>
      <p>
        Its private key is in this file:{' '}
        <code data-testid="dkim-ed25519-key-file">{key.keyFile}</code>. Only you can read it. Copy
        it to your server as shown below, like the RSA key.
      </p>
      <RecordToPublish
        name={`${key.selector}._domainkey.${domain ?? ''}`}
        after=" (also on the Records step), in addition to the RSA record:"
        value={key.record}
        label="Ed25519 DKIM record"
        testId="dkim-ed25519-record"
      />
      <div className="row">
        <button type="button" className="secondary" onClick={remove}>
          Remove the Ed25519 key
        </button>
      </div>
    </>
  );
}
