import type { Finding } from './finding';
import { makeFinding, unknownFinding } from './finding-make';
import type { SmtpAddressContext } from './smtp-context';
import { gatedFinding } from './smtp-gate';
import { greetingName, sameHost } from './smtp-greeting-name';
import type { SmtpServerObservation } from './smtp-observation';
import { describeError, duration, replyText, serverCommand } from './smtp-words';

/** A greeting slower than this is worth a sentence; one slower than SLOW_WARN_MS a warning. */
const SLOW_NOTE_MS = 5_000;
const SLOW_WARN_MS = 20_000;

const LOG_HINT =
  "The mail log on the server says why: `journalctl -u postfix` or /var/log/mail.log (or your mail software's log), read while you run this check.";

/** Postfix's setting for the greeting name, for the fix text. */
function nameFix(mailHost: string): string {
  return (
    `Make the server introduce itself as ${mailHost}. In Postfix: \`postconf -e myhostname=${mailHost}\`, then \`systemctl reload postfix\` ` +
    `(other mail software has a "hostname" or "HELO name" setting). The server uses the same name when it sends mail, and receiving servers compare it with the PTR of its address: they must match.`
  );
}

/** The finding when the greeting came but was not 220. */
function refusedGreeting(
  server: SmtpServerObservation,
  ctx: SmtpAddressContext,
  reply: { code: number; text: string },
  evidence: Record<string, unknown>,
): Finding {
  const { code, text } = reply;
  const subject = ctx.subject;
  if (code === 421) {
    return makeFinding('smtp.banner', subject, 'fail', {
      title: 'The server turned the connection away (421: busy or not taking connections now)',
      detail: `${server.address} greeted with "${text}". 421 means "try again later": the server is overloaded, restarting, or limiting connections from this address.`,
      fix: `Check the mail software is healthy (\`postfix status\`, free memory and disk space) and that no connection limit or security tool blocks this computer. ${LOG_HINT} Then run the check again.`,
      evidence,
    });
  }
  if (code === 554) {
    return makeFinding('smtp.banner', subject, 'fail', {
      title: 'The server refuses to talk to this computer (554)',
      detail: `${server.address} greeted with "${text}". 554 at the greeting means the server will not accept anything from this computer's address.`,
      fix: `Often the server checks block lists, and home and office addresses are on them on purpose: that is normal, and other mail servers are not affected. Run the check on the server itself (\`${serverCommand(ctx.fix.planFile)}\`) or from another network. If the server refuses every address, look at its client restrictions (in Postfix: postscreen and \`smtpd_client_restrictions\`). ${LOG_HINT}`,
      evidence,
    });
  }
  return makeFinding('smtp.banner', subject, 'fail', {
    title: `The server greeted with an error (${code}) instead of 220`,
    detail: `${server.address} greeted with "${text}". A mail server must greet with 220 before other servers can send to it.`,
    fix: LOG_HINT,
    evidence,
  });
}

/** The finding when no greeting came at all. */
function missingGreeting(
  server: SmtpServerObservation,
  ctx: SmtpAddressContext,
  evidence: Record<string, unknown>,
): Finding {
  const subject = ctx.subject;
  const greeting = server.greeting;
  const error = greeting?.error;
  if (!greeting || !error)
    return unknownFinding('smtp.banner', subject, 'the connection did not open', evidence);
  if (error.kind === 'aborted')
    return gatedFinding(
      'smtp.banner',
      subject,
      { kind: 'cancelled', reason: 'the check was cancelled' },
      ctx.fix,
      evidence,
    );
  if (error.kind === 'timeout') {
    return makeFinding('smtp.banner', subject, 'fail', {
      title: 'The server accepts connections but never greets',
      detail: `Connected to ${server.address} port ${server.port}, then waited ${duration(greeting.timeoutMs)} without a word. A server that stays silent is stuck, overloaded, or deliberately slowing this address down (a "tarpit"); other servers give up and your mail is not delivered.`,
      fix: `Check the mail software is running and not out of memory or disk. If you use a greeting delay (Postfix postscreen's \`postscreen_greet_wait\`, a tarpit or rate limit), keep it to a few seconds. A firewall or proxy that accepts connections for the mail server without passing them on also looks like this. ${LOG_HINT}`,
      evidence,
    });
  }
  if (error.kind === 'reset' || error.kind === 'closed') {
    return makeFinding('smtp.banner', subject, 'fail', {
      title:
        error.kind === 'reset'
          ? 'The server cut the connection off before greeting'
          : 'The server hung up without greeting',
      detail: `Connected to ${server.address} port ${server.port}, then ${describeError(error)} after ${duration(greeting.elapsedMs)}, before any greeting.`,
      fix: `Usually a security tool or rule turns this computer away (fail2ban, postscreen, a connection limit, TCP wrappers), or the mail software crashes on each connection. If this computer's address is banned, unban it or run the check on the server itself (\`${serverCommand(ctx.fix.planFile)}\`). ${LOG_HINT}`,
      evidence,
    });
  }
  if (error.kind === 'protocol') {
    return makeFinding('smtp.banner', subject, 'fail', {
      title: `Something other than a mail server answers on port ${server.port}`,
      detail: `${server.address} port ${server.port} answered, but not in SMTP: ${error.message}.`,
      fix: `Make sure port ${server.port} is served by your mail software (\`ss -ltnp 'sport = :${server.port}'\` shows which program listens) and not by another service or a proxy.`,
      evidence,
    });
  }
  return unknownFinding(
    'smtp.banner',
    subject,
    `the greeting could not be read: ${describeError(error)}`,
    evidence,
  );
}

/**
 * smtp.banner: a 220 greeting that names the mail host, and (when the PTR is known) the same
 * name as the PTR of the address: "sending domain and PTR must match".
 */
export function judgeSmtpBanner(server: SmtpServerObservation, ctx: SmtpAddressContext): Finding {
  const subject = ctx.subject;
  const evidence: Record<string, unknown> = { greeting: server.greeting, ptrNames: ctx.ptrNames };
  if (ctx.gate.kind !== 'open')
    return gatedFinding('smtp.banner', subject, ctx.gate, ctx.fix, evidence);
  if (!server.connect.ok) {
    return unknownFinding(
      'smtp.banner',
      subject,
      `there is no greeting to check: the connection to port ${server.port} did not open (see smtp.reachable)`,
      evidence,
    );
  }
  const reply = server.greeting?.reply;
  if (!reply) return missingGreeting(server, ctx, evidence);
  const text = replyText(reply);
  if (reply.code !== 220) return refusedGreeting(server, ctx, { code: reply.code, text }, evidence);

  const elapsed = server.greeting?.elapsedMs ?? 0;
  const slowNote =
    elapsed >= SLOW_NOTE_MS
      ? ` It took ${duration(elapsed)} to greet: that is allowed (some servers pause on purpose to slow spammers down), but some senders give up after 30 seconds.`
      : '';
  const name = greetingName(reply);
  const said = `${server.address} greeted with "${text}" after ${duration(elapsed)}.`;
  const ptr = ctx.ptrNames?.filter(Boolean) ?? [];
  const ptrText = ptr.length > 0 ? ptr.join(', ') : undefined;

  if (!name) {
    return makeFinding('smtp.banner', subject, 'warn', {
      title: 'The greeting does not name the server',
      detail: `${said} A greeting should start with the server's name (${ctx.mailHost}).${slowNote}`,
      fix: nameFix(ctx.mailHost),
      evidence,
    });
  }
  if (!sameHost(name, ctx.mailHost)) {
    const matchesPtr = ptr.some((p) => sameHost(p, name));
    if (ptrText && !matchesPtr) {
      return makeFinding('smtp.banner', subject, 'fail', {
        title: `The server calls itself ${name}, which is neither the mail host nor the PTR name`,
        detail: `${said} The mail host is ${ctx.mailHost} and the PTR of ${subject} is ${ptrText}. Receiving servers reject or distrust mail from a server whose name does not match the PTR of its address.${slowNote}`,
        fix: nameFix(ctx.mailHost),
        evidence,
      });
    }
    return makeFinding('smtp.banner', subject, 'warn', {
      title: `The server calls itself ${name}, not ${ctx.mailHost}`,
      detail: `${said}${ptrText ? ` The PTR of ${subject} is ${ptrText}.` : ''} It should introduce itself as the mail host, ${ctx.mailHost}.${slowNote}`,
      fix: nameFix(ctx.mailHost),
      evidence,
    });
  }
  if (ptrText && !ptr.some((p) => sameHost(p, name))) {
    return makeFinding('smtp.banner', subject, 'warn', {
      title: `The greeting names ${name}, but the PTR of ${subject} says ${ptrText}`,
      detail: `${said} The sending name and the PTR must match, or receiving servers distrust the mail.${slowNote}`,
      fix: `Ask your VPS host to set the PTR (reverse DNS) of ${subject} to ${ctx.mailHost} (see the PTR step).`,
      evidence,
    });
  }
  if (elapsed >= SLOW_WARN_MS) {
    return makeFinding('smtp.banner', subject, 'warn', {
      title: `The server greets with its name, but only after ${duration(elapsed)}`,
      detail: `${said}${slowNote}`,
      fix: `Shorten the greeting delay (Postfix postscreen's \`postscreen_greet_wait\`, a tarpit or rate limit) to a few seconds, and check the server is not overloaded.`,
      evidence,
    });
  }
  return makeFinding('smtp.banner', subject, 'pass', {
    title: `The server greets as ${ctx.mailHost}`,
    detail: `${said}${ptrText ? ` It matches the PTR of ${subject}.` : ''}${slowNote}`,
    evidence,
  });
}
