import { useState } from 'react';
import { downloadText } from '../../app/download';
import { api } from '../../state/api-ref';
import { useAppStore } from '../../state/app-store';

/**
 * The private key file itself: shown in its folder or saved as a copy by the desktop app;
 * downloaded in browser mode, with the warning that the download is the private key.
 */
export function KeyFileActions({
  projectId,
  selector,
  domain,
}: {
  projectId: string;
  selector: string;
  domain: string;
}) {
  const [status, setStatus] = useState('');
  const desktop = api().transport === 'electron';

  const act = async (action: 'reveal' | 'save' | 'download') => {
    setStatus('');
    // Main finds the key from the saved project: a key made a moment ago may still wait in the
    // save queue.
    await useAppStore.getState().flushSave();
    const r = await api().call('dkim.keyFile', { projectId, selector, action });
    if (!r.ok) return setStatus(r.error.message);
    if (action === 'download' && r.value.pem !== undefined) {
      downloadText(r.value.fileName, r.value.pem, 'application/x-pem-file');
      setStatus(
        `Downloaded as ${r.value.fileName}. Copy it to your server, then delete the download.`,
      );
    } else if (action === 'save') {
      setStatus(r.value.path ? `Saved a copy as ${r.value.path}.` : '');
    }
  };

  return (
    <div className="row wrap">
      {desktop ? (
        <>
          <button type="button" onClick={() => void act('reveal')}>
            Show the key file in its folder
          </button>
          <button type="button" onClick={() => void act('save')}>
            Save a copy…
          </button>
        </>
      ) : (
        <div>
          <p className="notice warn compact" data-testid="key-download-warning">
            The downloaded file is your private key: anyone who has it can sign mail as {domain}.
            Copy it to your server only, never by mail or chat, and delete the download once it is
            on the server.
          </p>
          <button type="button" onClick={() => void act('download')}>
            Download the private key
          </button>
        </div>
      )}
      <span role="status" aria-live="polite" data-testid="key-file-status">
        {status}
      </span>
    </div>
  );
}
