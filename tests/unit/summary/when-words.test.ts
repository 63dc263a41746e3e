import { describe, expect, it } from 'vitest';
import { whenWords } from '../../../shared/summary/date-words';
import { shownName } from '../../../shared/model/shown-name';

describe('the one time format on screen', () => {
  const now = new Date(2026, 11, 7, 9, 30);
  it('says only the local time today, the date otherwise, the year when not this one', () => {
    expect(whenWords(new Date(2026, 11, 7, 14, 5), now)).toBe('14:05');
    expect(whenWords(new Date(2026, 11, 8, 0, 15), now)).toBe('8 December, 00:15');
    expect(whenWords(new Date(2025, 0, 2, 8, 0), now)).toBe('2 January 2025, 08:00');
    expect(whenWords(new Date(2026, 11, 7, 14, 5).toISOString(), now)).toBe('14:05');
  });
});

describe('names as the user reads them', () => {
  it('shows Unicode', () => {
    expect(shownName('default._domainkey.xn--bckerei-mller-bfb28a.example')).toBe(
      'default._domainkey.bäckerei-müller.example',
    );
    expect(shownName('example.com')).toBe('example.com');
  });
});
