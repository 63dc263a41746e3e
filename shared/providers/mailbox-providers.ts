import { documented, reported, type KnownFact } from './provider-fact';

/**
 * Where each big mailbox provider keeps the raw message ("Show original"), in the words its menu
 * uses, for the "Send yourself a test" step. Facts with their source and the date they were read.
 */

/** How to get a message's full text out of one provider's web mail. */
export interface SourceMenu {
  provider: 'gmail' | 'outlook' | 'yahoo';
  name: string;
  /** The clicks, in the menu's own words. */
  steps: string[];
  /** What to do there to hand it to Mailwright. */
  then: string;
}

const READ = '2026-12-07';

/** Gmail, Outlook.com and Yahoo Mail, in that order. */
export const SOURCE_MENUS: readonly KnownFact<SourceMenu>[] = [
  documented(
    {
      provider: 'gmail',
      name: 'Gmail',
      steps: ['Open the message', 'Click "More" (⋮, beside Reply)', 'Choose "Show original"'],
      then: 'Click "Download original" and drop the file here (best), or "Copy to clipboard" and paste.',
    },
    'https://support.google.com/mail/answer/29436',
    { checked: READ, note: 'Gmail Help, "Trace an email with its full headers".' },
  ),
  reported(
    {
      provider: 'outlook',
      name: 'Outlook.com',
      steps: [
        'Open the message',
        'Click "More actions" (…)',
        'Choose "View", then "View message source"',
      ],
      then: 'Select all of the text, copy it and paste it here.',
    },
    'https://www.lifewire.com/access-email-source-outlook-1170654',
    { checked: READ, note: 'A third-party guide; Microsoft moves this menu now and then.' },
  ),
  reported(
    {
      provider: 'yahoo',
      name: 'Yahoo Mail',
      steps: ['Open the message', 'Click "More" (…) in the toolbar', 'Choose "View raw message"'],
      then: 'Select all of the text, copy it and paste it here.',
    },
    'https://help.yahoo.com/kb/SLN22026.html',
    {
      checked: READ,
      note: 'Menu words as commonly reported; the help page was not re-read this session.',
    },
  ),
];
