import type { Finding } from './finding';
import type { MessageDkimSignature, MessageObservation } from './message-observation';
import { DOWNLOAD_EML_FIX, isAtOrUnder, type MessageContext } from './message-context';

/**
 * What one DKIM signature of a message means, decided in the order a receiver would meet the
 * problems: the key could not be read or is missing, the body changed, the signature does not
 * verify, and (once it verifies) the caveats. Each step returns its verdict or null to go on.
 */

/** The status, title, first detail line and fix of one signature's finding. */
export interface SignatureVerdict {
  status: Finding['status'];
  title: string;
  first: string;
  fix?: string;
}

function verdict(
  status: Finding['status'],
  title: string,
  first: string,
  fix?: string,
): SignatureVerdict {
  return { status, title, first, ...(fix ? { fix } : {}) };
}

/** The DNS name of the key a signature needs. */
export function keyName(sig: MessageDkimSignature): string {
  return `${sig.selector}._domainkey.${sig.domain}`;
}

/** The plan's selectors (main key first, then the additional ones). */
export function planSelectors(ctx: MessageContext): string[] {
  const dkim = ctx.plan?.dkim;
  if (!dkim) return [];
  return [dkim.selector, ...(dkim.additional ?? []).map((a) => a.selector)].map((s) =>
    s.toLowerCase(),
  );
}

function keyFix(sig: MessageDkimSignature, ctx: MessageContext): string {
  const name = keyName(sig);
  if (sig.keyIsPlanKey === true)
    return `The published key at ${name} is your plan's key, so the server signs with another private key. Point your mail software's DKIM setting at the private key of the DKIM step (the file Mailwright saved, or the one it made), restart it and send a new test.`;
  return `The key at ${name} and the private key your server signs with are not a pair. Publish the record your mail software shows for this selector (or put the matching private key on the server), then send a new test.${ctx.plan?.dkim?.publicKey ? ' The DKIM step shows the record of your plan.' : ''}`;
}

/** The key could not be looked up, or no key is published at the signature's name. */
function keyVerdict(sig: MessageDkimSignature, ctx: MessageContext): SignatureVerdict | null {
  const subject = keyName(sig);
  if (sig.key.state === 'lookup-failed' || sig.result === 'temperror')
    return verdict(
      'unknown',
      'The signing key could not be looked up',
      `Could not read ${subject}: ${sig.key.state === 'lookup-failed' ? sig.key.reason : (sig.comment ?? 'DNS failure')}.`,
      'Check that this computer is online and check the message again.',
    );
  if (sig.key.state !== 'absent') return null;
  const planSelector = planSelectors(ctx)[0];
  const other = planSelector && planSelector !== sig.selector.toLowerCase();
  return verdict(
    'fail',
    'The key this signature needs is not published',
    `There is no DKIM key at ${subject}, so no receiver can verify the signature.`,
    other
      ? `Your server signs with the selector "${sig.selector}", but your key is published under "${planSelector}". Set the selector in your mail software's DKIM settings to "${planSelector}" (or publish its key at ${subject}), restart it and send a new test.`
      : `Publish the DKIM record of the DKIM step at ${subject} in your DNS host's panel, wait until Verify sees it, and check the message again.`,
  );
}

/** The body does not match its hash: headers only, a paste that changed it, or a real change. */
function bodyVerdict(
  sig: MessageDkimSignature,
  obs: MessageObservation,
  ctx: MessageContext,
): SignatureVerdict | null {
  if (sig.bodyHashMatches) return null;
  if (obs.shape === 'headers-only')
    return sig.headerSignature === 'verifies'
      ? verdict(
          'unknown',
          'The header signature verifies; the body could not be checked',
          'Only the headers were given, so whether the body arrived unchanged (the body hash) is open.',
          'Give the whole message (the downloaded .eml file) to check the body too.',
        )
      : verdict(
          'fail',
          'The signature does not verify with the published key',
          'Even the signed headers do not match the signature: the server signs with another key than the one published.',
          keyFix(sig, ctx),
        );
  if (sig.headerSignature === 'verifies' && obs.source === 'paste')
    return verdict(
      'warn',
      'The body may have changed when it was pasted',
      'The signed headers verify with the published key, but the body does not match its hash. Copying and pasting often changes spaces and line ends, so this does not mean the signature is broken.',
      DOWNLOAD_EML_FIX,
    );
  return verdict(
    'fail',
    'The body was changed after it was signed',
    `${sig.headerSignature === 'verifies' ? 'The signed headers verify, but the' : 'The'} body does not match the body hash (bh=) in the signature${obs.lineEnds === 'lf' ? '. The file has bare line feeds instead of CRLF: if it was saved or converted by a program, check the file as the provider gave it' : ''}.`,
    'Something changed the message after your server signed it: a footer or disclaimer added by a mailing list or a content filter, or a re-encoding. Sign after that step (in Postfix: the milter on the last hop), or turn the change off, then send a new test.',
  );
}

/** The body is intact but the signature does not pass: another key, a refused key, expiry. */
function resultVerdict(sig: MessageDkimSignature, ctx: MessageContext): SignatureVerdict | null {
  if (sig.result === 'pass') return null;
  if (sig.result === 'fail')
    return verdict(
      'fail',
      'The signature does not match the published key',
      'The body is intact, but the signature was made with a different private key than the public key published.',
      keyFix(sig, ctx),
    );
  if (sig.result === 'policy')
    return verdict(
      'fail',
      'The signature uses a key or algorithm receivers refuse',
      `${sig.comment ?? 'A key shorter than 1024 bits or the SHA-1 algorithm'}: receivers treat it as unsigned.`,
      'Make a 2048-bit RSA key on the DKIM step, publish it, and sign with rsa-sha256.',
    );
  const comment = sig.comment ?? sig.result;
  const expired = /expir/i.test(comment);
  return verdict(
    'fail',
    expired ? 'The signature had expired' : 'The signature could not be verified',
    expired
      ? `The signature's expiry time (x=) has passed (${comment}).`
      : `The receiver's verdict would be "${sig.result}": ${comment}.`,
    expired
      ? 'Check this test soon after sending it, or make the signature last longer: OpenDKIM SignatureTTL / Rspamd "expire" (a week is common), or none.'
      : `Compare the DKIM record at ${keyName(sig)} with the DKIM step: it must be the exact record, one key, v=DKIM1; p=…`,
  );
}

/** A verifying signature that is not the plan's own: another domain, another selector, another key. */
function planCaveat(
  sig: MessageDkimSignature,
  ctx: MessageContext,
): { problem: string; fix: string } | null {
  const plan = ctx.plan;
  if (!plan) return null;
  const planSelector = planSelectors(ctx)[0];
  if (!isAtOrUnder(sig.domain, plan.domain))
    return {
      problem: 'not your domain',
      fix: `This signature is for ${sig.domain}, not ${plan.domain}: the sending service signs with its own domain. Set up DKIM for ${plan.domain} there (or sign on your own server) so the signature aligns with From.`,
    };
  if (planSelector && !planSelectors(ctx).includes(sig.selector.toLowerCase()))
    return {
      problem: 'another selector',
      fix: `Your server signs with "${sig.selector}", not your plan's "${planSelector}". Both work while both keys are published; to keep one, set the selector in your mail software to "${planSelector}", or change the plan to "${sig.selector}".`,
    };
  if (sig.keyIsPlanKey === false)
    return {
      problem: 'not your plan key',
      fix: 'The key published today is not the key in your plan: if you replaced the key on the server, update the DKIM step with the new record so the plan and the PDF are right.',
    };
  return null;
}

/** It verifies. What remains: l=, testing, and whether it is the user's own signature. */
function verifiedVerdict(sig: MessageDkimSignature, ctx: MessageContext): SignatureVerdict {
  const problems: string[] = [];
  let fix: string | undefined;
  if (sig.bodyLengthLimit !== undefined) {
    problems.push('body length limit (l=)');
    fix =
      'Turn off the body length option of your signer (OpenDKIM: BodyLengths no; Rspamd: no "use_body_length"): with l= anyone can append text under your signature.';
  }
  if (sig.testing) {
    problems.push('testing flag');
    fix ??= 'Remove t=y from the DKIM record: receivers may ignore a key in testing mode.';
  }
  const caveat = planCaveat(sig, ctx);
  if (caveat) {
    problems.push(caveat.problem);
    fix ??= caveat.fix;
  }
  const first = 'The signature verifies with the key published today.';
  if (problems.length > 0)
    return verdict(
      'warn',
      `The signature verifies, with a caveat: ${problems.join(', ')}`,
      first,
      fix,
    );
  return verdict('pass', 'The DKIM signature verifies', first);
}

/** One signature's verdict: the first problem in a receiver's order, else what verifying leaves. */
export function signatureVerdict(
  sig: MessageDkimSignature,
  obs: MessageObservation,
  ctx: MessageContext,
): SignatureVerdict {
  return (
    keyVerdict(sig, ctx) ??
    bodyVerdict(sig, obs, ctx) ??
    resultVerdict(sig, ctx) ??
    verifiedVerdict(sig, ctx)
  );
}
