import type { BulkHeaders } from '../../shared/checks/message-observation';
import { headerValues, type HeaderField } from './message-text';

/** The headers bulk-mail rules look at: From count, ids, dates, List-Unsubscribe, bulk signs. */
export function bulkHeaders(headers: readonly HeaderField[]): BulkHeaders {
  const one = (n: string) => headerValues(headers, n)[0];
  const signs: string[] = [];
  if (one('list-id') !== undefined) signs.push('List-Id');
  const precedence = one('precedence');
  if (precedence && /bulk|list|junk/i.test(precedence)) signs.push(`Precedence: ${precedence}`);
  for (const h of [
    'x-mailer',
    'x-newsletter',
    'x-campaign',
    'feedback-id',
    'x-mailgun-tag',
    'x-ses-outgoing',
  ])
    if (
      one(h) !== undefined &&
      (h !== 'x-mailer' || /mailster|mailpoet|mailchimp|sendy|listmonk|newsletter/i.test(one(h)!))
    )
      signs.push(
        h === 'x-mailer'
          ? `X-Mailer: ${one(h)!.slice(0, 40)}`
          : h.replace(/(^|-)([a-z])/g, (_m, a: string, b: string) => a + b.toUpperCase()),
      );
  const lu = one('list-unsubscribe');
  const lup = one('list-unsubscribe-post');
  return {
    fromCount: headerValues(headers, 'from').length,
    messageIds: headerValues(headers, 'message-id'),
    dates: headerValues(headers, 'date'),
    ...(lu !== undefined ? { listUnsubscribe: lu } : {}),
    ...(lup !== undefined ? { listUnsubscribePost: lup } : {}),
    bulkSigns: signs,
  };
}
