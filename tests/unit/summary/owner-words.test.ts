import { describe, expect, it } from 'vitest';
import { unknownFinding } from '../../../shared/checks/finding-make';
import { gatedFinding } from '../../../shared/checks/smtp-gate';
import { ON_SERVER_WORDS, RUN_ON_SERVER_WORDS } from '../../../shared/checks/smtp-words';
import { ownerDetail } from '../../../shared/summary/owner-words';
import { glossaryLines, termsIn } from '../../../shared/summary/terms-in-text';

// The checker's fixes carry terminal commands for the CLI and the JSON; where they do, the
// finding says the same in words (ownerFix), which the Summary and the PDF show.
const COMMANDS = /`|--plan|--smtp-address|npx|ssh -N|scp /;

describe('a fix in words for a site owner', () => {
  const gateCtx = { planFile: 'shop.json', serverAddress: '192.0.2.10', vpsHost: 'hetzner' };
  it('port 25 blocked: "run the check on the server" without the command or its flags', () => {
    const f = gatedFinding(
      'smtp.reachable',
      'mail.shop.test',
      { kind: 'blocked', reason: 'x' },
      gateCtx,
    );
    expect(f.fix).toMatch(/npx mailwright check --plan shop\.json/);
    expect(f.ownerFix).not.toMatch(COMMANDS);
    expect(f.ownerFix).toContain('where port 25 is not blocked');
    expect(f.ownerFix).toContain("run Mailwright's check on the server itself");
    expect(f.ownerFix).toContain('Or run the check from another network that allows port 25.');
  });

  it('a check that could not run: the default fix in words; a fix of its own is kept as it is', () => {
    const f = unknownFinding('dkim.present', 'a._domainkey.shop.test', 'no answer');
    expect(f.fix).toContain('npx mailwright check --plan');
    expect(f.ownerFix).toBe(
      "Check that this computer is online and run the check again. If it keeps happening, run Mailwright's check on the server itself (the app shows how).",
    );
    const own = unknownFinding(
      'dkim.present',
      'a._domainkey.shop.test',
      'no answer',
      undefined,
      'Wait.',
    );
    expect(own.fix).toBe('Wait.');
    expect(own.ownerFix).toBeUndefined();
  });

  it('the block lists: a sentence that begins with the on-server check keeps its capital', () => {
    expect(ON_SERVER_WORDS).not.toMatch(COMMANDS);
    expect(RUN_ON_SERVER_WORDS).not.toMatch(COMMANDS);
    expect(`R${ON_SERVER_WORDS.slice(1)}`).toMatch(/^Run Mailwright's check/);
  });
});

describe('the technical words a finding keeps', () => {
  it('finds the terms to explain, each once, and ignores text without them', () => {
    expect(
      termsIn(
        'Receivers then ignore all of them (an SPF "permerror").',
        'Change "~all" to "-all". The server said EHLO mail.example.com.',
        undefined,
      ),
    ).toEqual(['permerror', 'helo', 'softfail']);
    expect(termsIn('Add the record at your DNS host.')).toEqual([]);
  });

  it('words each term for the PDF glossary from the same glossary the wizard uses', () => {
    expect(glossaryLines(['pnone'])[0]).toMatch(/^p=none: .*reports/);
  });
});

describe("what we saw, in a site owner's document", () => {
  it('names a resolver given by address in words', () => {
    expect(
      ownerDetail('- Public resolvers (Resolver 127.0.0.1:28914): the name does not exist'),
    ).toBe('- Public resolvers: the name does not exist');
    expect(ownerDetail('no usable answer (Resolver [2001:db8::1]:53: a refusal (REFUSED)).')).toBe(
      'no usable answer (the resolver you chose: a refusal (REFUSED)).',
    );
  });
});
