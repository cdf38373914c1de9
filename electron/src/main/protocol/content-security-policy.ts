/**
 * Sent with every app:// response. Scripts only from the app itself; inline styles are allowed because
 * Ant Design injects its CSS-in-JS as <style> elements. No remote content of any kind: when sync
 * arrives, `connect-src` gains the configured HQ server origin and nothing else.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
