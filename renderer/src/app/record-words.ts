import { shownName } from '../../../shared/model/shown-name';
import type { PlannedRecord } from '../../../shared/records/planned-record';

/**
 * The card title of a planned record, in plain words, with its name as the user reads it
 * (Unicode: "почта.пример.рф", not "xn--80a1acny.xn--e1afmkfd.xn--p1ai").
 */
export function recordTitle(record: PlannedRecord): string {
  const r = { ...record, name: shownName(record.name) };
  if (r.action === 'delete') return `${r.type} record of ${r.name} published today`;
  const [kind] = r.key.split(':');
  switch (kind) {
    case 'a':
      return `Address (A) of ${r.name}`;
    case 'aaaa':
      return `IPv6 address (AAAA) of ${r.name}`;
    case 'mx':
      return `Mail exchanger (MX) of ${r.name}`;
    case 'spf':
      return `SPF of ${r.name}`;
    case 'spf-helo':
      return `SPF of the mail host ${r.name}`;
    case 'dkim':
      // An Ed25519 key sits beside the RSA one: the title tells the two cards apart.
      return `${/\bk=ed25519\b/i.test(r.value) ? 'Ed25519 DKIM key' : 'DKIM key'} (${r.subject.kind === 'dkim-key' ? r.subject.selector : r.name} selector)`;
    case 'dmarc':
      return `DMARC of ${r.name.replace(/^_dmarc\./, '')}`;
    case 'ptr':
      return `Reverse DNS (PTR) of ${r.subject.kind === 'address' ? r.subject.ip : r.name}`;
    default:
      return `${r.type} of ${r.name}`;
  }
}

/** What the user does with the record, in two or three words. */
export function actionWords(r: PlannedRecord): string {
  switch (r.action ?? 'add') {
    case 'edit':
      return 'Edit the existing record';
    case 'keep':
      return 'Already right: keep it';
    case 'delete':
      return 'Delete this record';
    default:
      return r.where === 'vps-host' ? 'Ask your VPS host' : 'Add a new record';
  }
}
