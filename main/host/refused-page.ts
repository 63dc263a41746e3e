/**
 * The page a browser gets when it opens browser mode without this run's token: most often a
 * bookmark or a tab left from an earlier `mailwright serve` (each start makes a new token), or
 * the address typed without its `?token=` part. Plain HTML with a small inline style sheet (its
 * own CSP allows that and nothing else): no script, nothing of the user's shown, and it says
 * what to do.
 */

/** Why the page was refused: a token from another start, or none at all. */
export type RefusedReason = 'old-address' | 'no-token';

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f7f7f5;color:#1d2126}
main{max-width:36rem;margin:10vh auto;padding:1.5rem 2rem;background:#fff;border:1px solid #c9ced6;border-radius:8px}
h1{font-size:1.4rem;margin-top:0}code{font-family:ui-monospace,monospace;background:#eef0f3;padding:0 .25rem;border-radius:4px}
@media (prefers-color-scheme:dark){body{background:#17191c;color:#e8eaed}main{background:#202327;border-color:#3a3f46}code{background:#2b2f35}}`;

/** The Content-Security-Policy of this page: no script, no requests, only its inline style. */
export const REFUSED_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The HTML of the refused page. */
export function refusedPage(reason: RefusedReason): string {
  const [title, first] =
    reason === 'old-address'
      ? [
          'This address is from an earlier start',
          'Mailwright makes a new private address each time <code>mailwright serve</code> starts, and this one belongs to an earlier start.',
        ]
      : [
          'Open the address printed in the terminal',
          'This address is missing its private part (<code>?token=…</code>), which keeps other programs on this computer out of your projects.',
        ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Mailwright: ${title}</title><style>${STYLE}</style></head>
<body><main><h1>${title}</h1>
<p>${first}</p>
<p>Use the address printed in the terminal where <code>mailwright serve</code> is running now. It starts with <code>http://127.0.0.1:</code> and ends with <code>?token=</code> and a long code. If it is no longer running, start it again with <code>npx mailwright serve</code>.</p>
<p>Your projects are safe: they are saved on this computer and open again at the new address.</p>
</main></body></html>
`;
}
