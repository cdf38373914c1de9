import type { HostApi } from '@core/host';
import { useState } from 'react';
import { getHost } from '../../host/get-host';
import type { FetchLike } from './login-request';
import { LocalUserRegistry } from './local-user-registry';
import { ServerAccountRegistry } from './server-accounts';

/** What signing in talks to: the network, the two small registries of this PC, the host's token store. */
export interface SessionServices {
  readonly fetch: FetchLike;
  readonly localUsers: LocalUserRegistry;
  readonly accounts: ServerAccountRegistry;
  readonly tokens: HostApi;
  readonly now: () => number;
}

/** Opened once per page; Dexie opens each registry on first use. */
export function useSessionServices(): SessionServices {
  const [services] = useState<SessionServices>(() => ({
    fetch: (input, init) => window.fetch(input, init),
    localUsers: new LocalUserRegistry(),
    accounts: new ServerAccountRegistry(),
    tokens: getHost(),
    now: () => Date.now(),
  }));
  return services;
}
