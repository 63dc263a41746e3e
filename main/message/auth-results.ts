import type { ReceiverVerdict } from '../../shared/checks/message-observation';

const PROVIDERS: [RegExp, ReceiverVerdict['provider']][] = [
  [/(^|\.)google\.com$/i, 'gmail'],
  [/(^|\.)(outlook\.com|microsoft\.com|hotmail\.com|office365\.com)$/i, 'outlook'],
  [/(^|\.)(yahoo\.com|yahoodns\.net|aol\.com)$/i, 'yahoo'],
];

/** Drop (comments) and unquote, so "dkim=pass (signature was verified) header.d=x" reads simply. */
function stripComments(v: string): string {
  let out = '';
  let depth = 0;
  for (const c of v) {
    if (c === '(') depth += 1;
    else if (c === ')' && depth > 0) depth -= 1;
    else if (depth === 0) out += c;
  }
  return out;
}

/**
 * One Authentication-Results header (RFC 8601) as the receiver wrote it: its authserv-id and the
 * dkim / spf / dmarc / arc / compauth results. Only the first result of each method is kept,
 * except DKIM, where a pass anywhere counts (several signatures).
 */
export function parseAuthenticationResults(value: string): ReceiverVerdict | null {
  const parts = stripComments(value)
    .split(';')
    .map((p) => p.trim());
  const authservId = parts[0]?.split(/\s+/)[0]?.toLowerCase();
  if (!authservId) return null;
  const provider = PROVIDERS.find(([re]) => re.test(authservId))?.[1];
  const v: ReceiverVerdict = { authservId, dkimDomains: [], ...(provider ? { provider } : {}) };
  for (const part of parts.slice(1)) {
    const m = /^([a-z-]+)\s*=\s*([a-z]+)/i.exec(part);
    if (!m) continue;
    const method = m[1]!.toLowerCase();
    const result = m[2]!.toLowerCase();
    if (method === 'dkim') {
      if (v.dkim !== 'pass') v.dkim = result;
      const d = /header\.(d|i)\s*=\s*"?@?([^\s;"]+)/i.exec(part)?.[2];
      if (d) v.dkimDomains.push(d.toLowerCase());
    } else if (
      method === 'spf' ||
      method === 'dmarc' ||
      method === 'arc' ||
      method === 'compauth'
    ) {
      v[method] ??= result;
    }
  }
  return v;
}
