/** The directives of the renderer's Content Security Policy, one per entry. */
const DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

/**
 * The renderer's Content Security Policy, for both the Electron window and browser mode: only
 * our own scripts and styles, no eval, no remote content; `connect-src 'self'` lets browser
 * mode reach its own API. Sent as a header by both hosts.
 */
export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

/**
 * The same policy for the `<meta>` tag that the renderer build writes into index.html (so a page
 * opened without our headers is still locked down). A meta policy cannot carry frame-ancestors
 * (browsers ignore it there and log a console error), so that one stays header-only.
 * @public vite.config.ts uses it (knip's production mode does not follow the build config).
 */
export const CONTENT_SECURITY_POLICY_META = DIRECTIVES.filter(
  (d) => !d.startsWith('frame-ancestors'),
).join('; ');
