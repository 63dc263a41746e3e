import { useMemo } from 'react';
import { normalizePastedDkim } from '../../../../shared/records/dkim-paste';
import { parseDkimCnamePaste } from '../../../../shared/records/dkim-cname-paste';

/**
 * What the DKIM paste box holds: nothing (`pasted` null), a key record (checked), or, when it is
 * not a key record, maybe a CNAME delegation to the mail service's key.
 */
export function useDkimPaste(text: string) {
  const pasted = useMemo(() => (text.trim() === '' ? null : normalizePastedDkim(text)), [text]);
  // A key delegated by CNAME (SES, SendGrid, Microsoft 365…) is not a key record, but the plan
  // reads it (draft-to-plan): say what it is instead of calling it wrong.
  const cname = useMemo(
    () => (pasted && !pasted.ok ? parseDkimCnamePaste(text) : null),
    [pasted, text],
  );
  return { pasted, cname };
}

/** The paste box's reading, as useDkimPaste gives it. */
export type DkimPasteReading = ReturnType<typeof useDkimPaste>;
