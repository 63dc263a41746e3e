import { describe, expect, it } from 'vitest';
import { readMessageText } from '../../../main/message/message-text';
import { providerHop } from '../../../main/message/received-hop';
import { parseAuthenticationResults } from '../../../main/message/auth-results';

describe('reading a message', () => {
  it('tells a whole message, headers only, a copied "Show original" page and a PDF apart', () => {
    expect(
      readMessageText(Buffer.from('From: a@x.test\r\nSubject: hi\r\n\r\nbody\r\n')).shape,
    ).toBe('whole');
    expect(readMessageText(Buffer.from('From: a@x.test\r\nSubject: hi\r\n')).shape).toBe(
      'headers-only',
    );
    const page = readMessageText(
      Buffer.from(
        'Original Message\nMessage ID\t<1@x.test>\nCreated at:\tMon\n\nDelivered-To: me@gmail.test\nFrom: a@x.test\n\nbody\n',
      ),
    );
    expect(page.shape).toBe('whole');
    expect(page.headers[0]).toEqual({ name: 'delivered-to', value: 'me@gmail.test' });
    expect(page.lineEnds).toBe('lf');
    expect(readMessageText(Buffer.from('%PDF-1.7')).looksLike).toBe('a PDF file');
    expect(readMessageText(Buffer.from([0x50, 0x4b, 3, 4, 0])).looksLike).toMatch(/ZIP/);
    expect(readMessageText(Buffer.from('Dear friend, here is my text')).shape).toBe(
      'not-a-message',
    );
    expect(readMessageText(Buffer.from('  \n ')).shape).toBe('empty');
  });

  it('unfolds header lines', () => {
    const m = readMessageText(Buffer.from('Subject: one\r\n two\r\nFrom: a@x.test\r\n\r\nb'));
    expect(m.headers[0]).toEqual({ name: 'subject', value: 'one two' });
  });
});

describe("the provider's Received line", () => {
  it("skips the provider's internal hops and finds the one from the sending server", () => {
    const hop = providerHop([
      'by 2002:a05:6a10:1234 with SMTP id x; Mon, 7 Dec 2026 02:00:02 -0800',
      'from mail.example.com (mail.example.com. [203.0.113.10]) by mx.google.com with ESMTPS id a1 for <me@gmail.com> (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256); Mon, 7 Dec 2026 02:00:01 -0800',
      'from [127.0.0.1] by mail.example.com (Postfix) with ESMTP id 1; Mon, 7 Dec 2026 10:00:00 +0000',
    ]);
    expect(hop).toMatchObject({
      by: 'mx.google.com',
      ip: '203.0.113.10',
      helo: 'mail.example.com',
      tls: 'yes',
    });
  });

  it('Outlook: internal hops from its own domain are skipped; plain ESMTP is "no"', () => {
    const hop = providerHop([
      'from AM0PR02MB1234.eurprd02.prod.outlook.com (2603:10a6:208:1::1) by AM0PR02MB5678.eurprd02.prod.outlook.com with HTTPS; Mon, 7 Dec 2026',
      'from mail.example.com (203.0.113.10) by AM1EUR02FT.mail.protection.outlook.com (10.13.1.1) with ESMTP id 15.20; Mon, 7 Dec 2026',
    ]);
    expect(hop).toMatchObject({ ip: '203.0.113.10', tls: 'no' });
  });

  it('no usable line: null', () => {
    expect(providerHop(['by localhost with LMTP; Mon, 7 Dec 2026'])).toBeNull();
  });
});

describe('Authentication-Results of the receiving provider', () => {
  it('reads Gmail and Microsoft verdicts', () => {
    expect(
      parseAuthenticationResults(
        'mx.google.com; dkim=pass header.i=@example.com header.s=mail header.b=abc; spf=pass (google.com: domain of x designates 1.2.3.4) smtp.mailfrom=x@example.com; dmarc=pass (p=REJECT) header.from=example.com',
      ),
    ).toEqual({
      authservId: 'mx.google.com',
      provider: 'gmail',
      dkim: 'pass',
      dkimDomains: ['example.com'],
      spf: 'pass',
      dmarc: 'pass',
    });
    expect(
      parseAuthenticationResults(
        'mx.microsoft.com; spf=fail smtp.mailfrom=example.com; dkim=none; dmarc=fail action=oreject header.from=example.com; compauth=fail reason=000',
      ),
    ).toMatchObject({
      provider: 'outlook',
      spf: 'fail',
      dkim: 'none',
      dmarc: 'fail',
      compauth: 'fail',
    });
  });
});
