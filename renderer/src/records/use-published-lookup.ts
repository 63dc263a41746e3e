import { useEffect, useRef, useState } from 'react';
import type { Plan } from '../../../shared/model/plan';
import type { Draft, PublishedRecords } from '../../../shared/model/project';
import { api } from '../state/api-ref';

/** How long the names must stay unchanged before the automatic look-up starts (typing pauses). */
const AUTO_LOOK_DELAY_MS = 800;

/** True when not one list could be read: nothing worth keeping. */
function nothingRead(p: PublishedRecords): boolean {
  const unread = new Set(p.unread ?? []);
  return ['spf', 'dmarc', 'mx'].every((k) => unread.has(k as 'spf'));
}

/** The look-up of what a domain publishes: whether it runs, why it failed, and how to start it. */
export interface PublishedLookup {
  looking: boolean;
  error: string | null;
  look: () => Promise<void>;
}

/**
 * Looks up what the plan's names publish (dns.published) and saves it in the draft. With
 * `auto`, it looks by itself once the names stop changing, once per pair of names: a failed
 * look is not repeated on its own (the user sees why and can ask again), and typing never fires
 * a look per keystroke.
 */
export function usePublishedLookup(
  plan: Pick<Plan, 'domain' | 'mailHost'>,
  update: (patch: Partial<Draft>) => void,
  needsLook: boolean,
): PublishedLookup {
  const [state, setState] = useState<{ looking: boolean; error: string | null }>({
    looking: false,
    error: null,
  });

  const look = async () => {
    setState({ looking: true, error: null });
    const r = await api().call('dns.published', { domain: plan.domain, mailHost: plan.mailHost });
    if (!r.ok) {
      setState({ looking: false, error: r.error.message });
      return;
    }
    if (nothingRead(r.value)) {
      // Keep an earlier good look rather than replace it with an empty one.
      setState({ looking: false, error: r.value.problems[0] ?? 'No DNS server answered.' });
      return;
    }
    update({
      published: {
        ...r.value,
        domain: plan.domain,
        mailHost: plan.mailHost,
        checkedAt: new Date().toISOString(),
      },
    });
    setState({ looking: false, error: null });
  };

  const tried = useRef(new Set<string>());
  const names = `${plan.domain} ${plan.mailHost}`;
  const needed = needsLook && !tried.current.has(names);
  useEffect(() => {
    if (!needed) return;
    const timer = setTimeout(() => {
      tried.current.add(names);
      void look();
    }, AUTO_LOOK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [needed, names]); // `look` is recreated on each render; the names are what matter.

  return { ...state, look };
}
