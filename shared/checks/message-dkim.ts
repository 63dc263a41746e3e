import type { Finding } from './finding';
import { detailText, makeFinding } from './finding-make';
import type { MessageDkimSignature, MessageObservation } from './message-observation';
import {
  DOWNLOAD_EML_FIX,
  SIGNING_SETUP_FIX,
  isAtOrUnder,
  messageSubject,
  type MessageContext,
} from './message-context';

function keyName(sig: MessageDkimSignature): string {
  return `${sig.selector}._domainkey.${sig.domain}`;
}

/** The plan's selectors (main key first, then the additional ones). */
function planSelectors(ctx: MessageContext): string[] {
  const dkim = ctx.plan?.dkim;
  if (!dkim) return [];
  return [dkim.selector, ...(dkim.additional ?? []).map((a) => a.selector)].map((s) =>
    s.toLowerCase(),
  );
}

/** Lines that say what the signature is and how it relates to the plan. */
function facts(sig: MessageDkimSignature, ctx: MessageContext): string[] {
  const lines = [
    `Signed for d=${sig.domain} with selector s=${sig.selector} (${sig.algorithm || 'no algorithm named'}).`,
  ];
  const plan = ctx.plan;
  if (plan) {
    const selectors = planSelectors(ctx);
    if (selectors.length > 0)
      lines.push(
        selectors.includes(sig.selector.toLowerCase())
          ? `"${sig.selector}" is your plan's selector.`
          : `Your plan's selector is "${selectors[0]}", not "${sig.selector}".`,
      );
    lines.push(
      isAtOrUnder(sig.domain, plan.domain)
        ? `d=${sig.domain} is your domain.`
        : `d=${sig.domain} is not your domain (${plan.domain}).`,
    );
    if (sig.keyIsPlanKey === true) lines.push('The published key is the key in your plan.');
    if (sig.keyIsPlanKey === false) lines.push('The published key is NOT the key in your plan.');
  }
  if (sig.bodyLengthLimit !== undefined)
    lines.push(
      `It covers only the first ${sig.bodyLengthLimit} bytes of the body (l=)${sig.unsignedBodyBytes ? `; ${sig.unsignedBodyBytes} bytes after them are unsigned` : ''}.`,
    );
  return lines;
}

/** One signature's finding. */
// eslint-disable-next-line max-lines-per-function -- over 100 lines: to be split along its seams (#16)
function judgeSignature(
  sig: MessageDkimSignature,
  obs: MessageObservation,
  ctx: MessageContext,
): Finding {
  const subject = keyName(sig);
  const lines = facts(sig, ctx);
  const evidence = { signature: sig };
  const detail = (first: string): string => detailText(first, lines);
  const f = (status: Finding['status'], title: string, first: string, fix?: string): Finding =>
    makeFinding('message.dkim', subject, status, {
      title,
      detail: detail(first),
      ...(fix ? { fix } : {}),
      evidence,
    });
  const planSelector = planSelectors(ctx)[0];

  if (sig.key.state === 'lookup-failed' || sig.result === 'temperror')
    return f(
      'unknown',
      'The signing key could not be looked up',
      `Could not read ${subject}: ${sig.key.state === 'lookup-failed' ? sig.key.reason : (sig.comment ?? 'DNS failure')}.`,
      'Check that this computer is online and check the message again.',
    );
  if (sig.key.state === 'absent') {
    const other = planSelector && planSelector !== sig.selector.toLowerCase();
    return f(
      'fail',
      'The key this signature needs is not published',
      `There is no DKIM key at ${subject}, so no receiver can verify the signature.`,
      other
        ? `Your server signs with the selector "${sig.selector}", but your key is published under "${planSelector}". Set the selector in your mail software's DKIM settings to "${planSelector}" (or publish its key at ${subject}), restart it and send a new test.`
        : `Publish the DKIM record of the DKIM step at ${subject} in your DNS host's panel, wait until Verify sees it, and check the message again.`,
    );
  }
  if (!sig.bodyHashMatches) {
    if (obs.shape === 'headers-only')
      return sig.headerSignature === 'verifies'
        ? f(
            'unknown',
            'The header signature verifies; the body could not be checked',
            'Only the headers were given, so whether the body arrived unchanged (the body hash) is open.',
            'Give the whole message (the downloaded .eml file) to check the body too.',
          )
        : f(
            'fail',
            'The signature does not verify with the published key',
            'Even the signed headers do not match the signature: the server signs with another key than the one published.',
            keyFix(sig, ctx),
          );
    if (sig.headerSignature === 'verifies' && obs.source === 'paste')
      return f(
        'warn',
        'The body may have changed when it was pasted',
        'The signed headers verify with the published key, but the body does not match its hash. Copying and pasting often changes spaces and line ends, so this does not mean the signature is broken.',
        DOWNLOAD_EML_FIX,
      );
    return f(
      'fail',
      'The body was changed after it was signed',
      `${sig.headerSignature === 'verifies' ? 'The signed headers verify, but the' : 'The'} body does not match the body hash (bh=) in the signature${obs.lineEnds === 'lf' ? '. The file has bare line feeds instead of CRLF: if it was saved or converted by a program, check the file as the provider gave it' : ''}.`,
      'Something changed the message after your server signed it: a footer or disclaimer added by a mailing list or a content filter, or a re-encoding. Sign after that step (in Postfix: the milter on the last hop), or turn the change off, then send a new test.',
    );
  }
  if (sig.result === 'fail')
    return f(
      'fail',
      'The signature does not match the published key',
      'The body is intact, but the signature was made with a different private key than the public key published.',
      keyFix(sig, ctx),
    );
  if (sig.result === 'policy')
    return f(
      'fail',
      'The signature uses a key or algorithm receivers refuse',
      `${sig.comment ?? 'A key shorter than 1024 bits or the SHA-1 algorithm'}: receivers treat it as unsigned.`,
      'Make a 2048-bit RSA key on the DKIM step, publish it, and sign with rsa-sha256.',
    );
  if (sig.result !== 'pass') {
    const comment = sig.comment ?? sig.result;
    const expired = /expir/i.test(comment);
    return f(
      'fail',
      expired ? 'The signature had expired' : 'The signature could not be verified',
      expired
        ? `The signature's expiry time (x=) has passed (${comment}).`
        : `The receiver's verdict would be "${sig.result}": ${comment}.`,
      expired
        ? 'Check this test soon after sending it, or make the signature last longer: OpenDKIM SignatureTTL / Rspamd "expire" (a week is common), or none.'
        : `Compare the DKIM record at ${subject} with the DKIM step: it must be the exact record, one key, v=DKIM1; p=…`,
    );
  }
  // It verifies. What remains: l=, testing, and whether it is the user's own signature.
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
  if (ctx.plan) {
    if (!isAtOrUnder(sig.domain, ctx.plan.domain)) {
      problems.push('not your domain');
      fix ??= `This signature is for ${sig.domain}, not ${ctx.plan.domain}: the sending service signs with its own domain. Set up DKIM for ${ctx.plan.domain} there (or sign on your own server) so the signature aligns with From.`;
    } else if (planSelector && !planSelectors(ctx).includes(sig.selector.toLowerCase())) {
      problems.push('another selector');
      fix ??= `Your server signs with "${sig.selector}", not your plan's "${planSelector}". Both work while both keys are published; to keep one, set the selector in your mail software to "${planSelector}", or change the plan to "${sig.selector}".`;
    } else if (sig.keyIsPlanKey === false) {
      problems.push('not your plan key');
      fix ??=
        'The key published today is not the key in your plan: if you replaced the key on the server, update the DKIM step with the new record so the plan and the PDF are right.';
    }
  }
  if (problems.length > 0)
    return f(
      'warn',
      `The signature verifies, with a caveat: ${problems.join(', ')}`,
      'The signature verifies with the key published today.',
      fix,
    );
  return f(
    'pass',
    'The DKIM signature verifies',
    'The signature verifies with the key published today.',
  );
}

function keyFix(sig: MessageDkimSignature, ctx: MessageContext): string {
  const name = keyName(sig);
  if (sig.keyIsPlanKey === true)
    return `The published key at ${name} is your plan's key, so the server signs with another private key. Point your mail software's DKIM setting at the private key of the DKIM step (the file Mailwright saved, or the one it made), restart it and send a new test.`;
  return `The key at ${name} and the private key your server signs with are not a pair. Publish the record your mail software shows for this selector (or put the matching private key on the server), then send a new test.${ctx.plan?.dkim?.publicKey ? ' The DKIM step shows the record of your plan.' : ''}`;
}

/** message.dkim: one finding per signature; a message with none is a fail pointing at the signing setup. */
export function evaluateMessageDkim(obs: MessageObservation, ctx: MessageContext): Finding[] {
  if (obs.dkim.length === 0)
    return [
      makeFinding('message.dkim', messageSubject(obs), 'fail', {
        title: 'The message is not signed (no DKIM signature)',
        detail:
          'There is no DKIM-Signature header. Receivers cannot tell that your server sent it, and DMARC can then pass only through SPF, which breaks when mail is forwarded.',
        fix: SIGNING_SETUP_FIX,
        evidence: { signatures: 0 },
      }),
    ];
  return obs.dkim.map((sig) => judgeSignature(sig, obs, ctx));
}
