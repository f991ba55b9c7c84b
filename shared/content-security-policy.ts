/**
 * The renderer's content security policy, sent as a header by the browser host and by Electron's
 * app:// handler (a meta tag in index.html repeats it for file loads; `frame-ancestors` only works
 * as a header). No remote content of any kind.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: lnv-asset:",
  "font-src 'self' data: lnv-asset:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
