import { useCallback, useState } from 'react';
import type { GeneratedKey } from '../../../shared/model/project';
import { api } from '../state/api-ref';

/** Where making a key stands; `removed` is the Ed25519 section's own (it can take its key away). */
export type Making =
  | { state: 'idle' }
  | { state: 'working' }
  | { state: 'failed'; code: string; message: string }
  | { state: 'made'; warnings: string[] }
  | { state: 'removed'; keyFile: string };

/**
 * Ask main to make a DKIM key pair (`dkim.generate`): the private half stays in a 0600 file in
 * the project folder; what comes back is what the draft keeps (the public part and the path).
 */
export function useMakeDkimKey(projectId: string) {
  const [making, setMaking] = useState<Making>({ state: 'idle' });
  const make = useCallback(
    async (
      selector: string,
      keyType: GeneratedKey['keyType'],
      replace: boolean,
    ): Promise<GeneratedKey | null> => {
      setMaking({ state: 'working' });
      const r = await api().call('dkim.generate', { projectId, selector, keyType, replace });
      if (!r.ok) {
        setMaking({ state: 'failed', code: r.error.code, message: r.error.message });
        return null;
      }
      const { warnings, ...k } = r.value;
      setMaking({ state: 'made', warnings });
      return {
        selector: k.selector,
        keyType: k.keyType,
        publicKey: k.publicKey,
        record: k.record,
        keyFile: k.keyFile,
      };
    },
    [projectId],
  );
  return { making, setMaking, make };
}
