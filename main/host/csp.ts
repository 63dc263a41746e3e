/**
 * The renderer's Content Security Policy, for both the Electron window and browser mode: only
 * our own scripts and styles, no eval, no remote content; `connect-src 'self'` lets browser
 * mode reach its own API.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
