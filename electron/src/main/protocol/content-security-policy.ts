/**
 * Sent with every app:// response. Scripts only from the app itself, no eval; WebAssembly may compile
 * ('wasm-unsafe-eval' allows that and nothing else) for the offline login verifier (argon2id in WASM).
 * Inline styles are allowed because Ant Design injects its CSS-in-JS as <style> elements. No remote
 * content of any kind; `connect-src` admits http(s) because the sync server's address is typed in by
 * the user at login (it differs per deployment), and only the app's own scripts can make requests.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' https: http:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
