import { describe, expect, it } from 'vitest';
import { onServerClause, runOnServerFix, tunnelCheckHint } from '../../../shared/checks/smtp-words';
import { ownerDetail, ownerWords } from '../../../shared/summary/owner-words';
import { glossaryLines, termsIn } from '../../../shared/summary/terms-in-text';

// The checker's fixes carry terminal commands for the CLI and the JSON; the Summary and the
// PDF say them in words.
describe('a fix in words for a site owner', () => {
  it('says "run the check on the server" without the command or its flags', () => {
    const fix = `${runOnServerFix('shop.json', '192.0.2.10')} ${tunnelCheckHint('shop.json', '192.0.2.10')}`;
    const words = ownerWords(fix);
    expect(words).not.toMatch(/`|--plan|--smtp-address|npx|ssh -N|scp /);
    expect(words).toContain('where port 25 is not blocked');
    expect(words).toContain("run Mailwright's check on the server itself");
    expect(words).toContain('Or run the check from another network that allows port 25.');
  });

  it('rewrites the clause used in other fixes, and leaves command-free text alone', () => {
    const fix = `Check that this computer is online. If it keeps happening, ${onServerClause()}.`;
    expect(ownerWords(fix)).toBe(
      "Check that this computer is online. If it keeps happening, run Mailwright's check on the server itself (the app shows how).",
    );
    const plain = 'Add "include:_spf.google.com" to the SPF record, before its "all" at the end.';
    expect(ownerWords(plain)).toBe(plain);
  });

  it('keeps the capital of a sentence that begins with the command (the block-list fix)', () => {
    const fix = `R${onServerClause().slice(1)}: its own resolver is usually allowed.`;
    expect(ownerWords(fix)).toMatch(/^Run Mailwright's check on the server itself/);
  });

  it('drops a command given in brackets', () => {
    expect(
      ownerWords(
        'Run the check on the server itself (`npx mailwright check --plan a.json`) or from another network.',
      ),
    ).toBe('Run the check on the server itself or from another network.');
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
