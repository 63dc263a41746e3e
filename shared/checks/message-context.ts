import type { Plan } from '../model/plan';
import type { MessageObservation } from './message-observation';

/** What the message evaluators get beside the observation: the plan when there is one. */
export interface MessageContext {
  /** The project's plan; without it the message is judged on its own (no "is it your key"). */
  plan?: Plan;
}

/** The subject every message finding is about: the From domain, else "the message". */
export function messageSubject(obs: MessageObservation): string {
  const domain = fromDomainOf(obs);
  return domain ?? 'message';
}

/** The domain of the first From address, lower case, when there is one. */
export function fromDomainOf(obs: MessageObservation): string | undefined {
  const at = obs.from[0]?.lastIndexOf('@') ?? -1;
  return at > 0 ? obs.from[0]!.slice(at + 1).toLowerCase() : undefined;
}

/** The domain of an address ("" for none). */
export function domainOfAddress(address: string | undefined): string {
  if (!address) return '';
  const at = address.lastIndexOf('@');
  return at < 0
    ? ''
    : address
        .slice(at + 1)
        .replace(/>$/, '')
        .toLowerCase();
}

/** Whether `name` is `domain` or under it. */
export function isAtOrUnder(name: string, domain: string): boolean {
  const n = name.toLowerCase().replace(/\.$/, '');
  const d = domain.toLowerCase().replace(/\.$/, '');
  return n === d || n.endsWith(`.${d}`);
}

/** The words of the fix when a message is not signed at all: the DKIM step's snippets. */
export const SIGNING_SETUP_FIX =
  'Turn on DKIM signing in your mail software, with the selector and key of the DKIM step: that step shows the settings for Rspamd, OpenDKIM and mailcow. Then restart it, send yourself a new test message and check it here.';

/** The advice when a pasted body may have changed: download the .eml instead. */
export const DOWNLOAD_EML_FIX =
  'Pasting can change spaces and line ends in the body. Download the message as a file instead ("Download message" / "Download original" / "Save as") and drop that .eml file here.';
