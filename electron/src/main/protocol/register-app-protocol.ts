import { protocol } from 'electron';
import { createAppProtocolHandler } from './app-protocol-handler';
import { APP_SCHEME } from './app-origin';

/** Must run before `app` is ready: privileges cannot be granted to a scheme afterwards. */
export function registerAppSchemeAsPrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

export function serveRendererFromAppScheme(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot));
}
