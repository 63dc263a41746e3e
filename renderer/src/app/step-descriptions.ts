import type { StepId } from '../../../shared/model/steps';

/** One sentence per step: what the step does for the user (shown in the step list and on unbuilt steps). */
export const STEP_PURPOSE: Record<StepId, string> = {
  projects: 'Start a new setup or open one you saved.',
  domain: 'Choose your domain and the name of your mail server.',
  server: "Enter your server's public IP addresses, and choose your VPS host and mail software.",
  'dns-host':
    'Confirm where your DNS is hosted (found from your nameservers) and learn its quirks.',
  records:
    "The exact records to publish, written the way your DNS host's form wants them, with copy buttons.",
  dkim: 'Create a DKIM signing key on this computer, or paste the record your mail software gave you.',
  'reverse-dns':
    'How to ask your VPS host for reverse DNS (PTR), and to open port 25 if it is blocked.',
  secure:
    'Optional: make incoming mail travel encrypted and verified (MTA-STS, TLS reports, DNSSEC, DANE, CAA).',
  verify:
    'Check everything from three points of view, with live progress and a fix for every problem.',
  'message-test':
    'Send yourself a test message and check it here: signature, SPF, DMARC, and what Gmail, Outlook.com or Yahoo concluded (optional).',
  summary: 'Your overall status, the next steps, and a PDF summary to keep.',
};
