import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * Content-Security-Policy for the Vite-built React app: scripts only from this origin, no inline
 * script, no eval; WebAssembly may compile ('wasm-unsafe-eval' allows that and nothing else), because
 * the offline login verifier is argon2id in WASM (hash-wasm). Styles allow 'unsafe-inline' because antd's CSS-in-JS writes <style> elements and style
 * attributes at run time. Images and fonts may be data:/blob: URLs (icons, photo previews); the app
 * talks only to its own origin; nobody may frame it.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  // For browsers that predate frame-ancestors.
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/** Set as the request arrives, so every response carries them, errors and 404s included. */
export function addSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', async (_request, reply) => {
    applySecurityHeaders(reply);
  });
}

export function applySecurityHeaders(reply: FastifyReply): void {
  reply.headers(SECURITY_HEADERS);
}
