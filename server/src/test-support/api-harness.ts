import type { UserScope } from '@core/auth';
import { SCHEMA_VERSION_HEADER, SYNC_SCHEMA_VERSION, type LoginResponse } from '@core/sync/protocol';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { addUser } from '../accounts/user-admin';
import type { SecurityPolicy } from '../auth/security-policy';
import type { Database } from '../db/database';
import { type AppOptions, buildApp } from '../http/app';
import { type TestBackend, createMigratedDatabase } from './test-databases';

/** Cheap hashing for tests that log in many times; production keeps the OWASP baseline. */
export const TEST_ARGON2 = { memoryKiB: 64, iterations: 1, parallelism: 1, hashLength: 32 } as const;
export const TEST_PASSWORD = 'Yunwei#2026';
/** 2026-03-10 09:00 Shanghai. */
export const TEST_START = Date.UTC(2026, 2, 10, 1, 0, 0);

export interface RequestOptions {
  readonly token?: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  readonly ip?: string;
  /** Leave the schema-version header out. */
  readonly withoutSchemaVersion?: boolean;
}

/** A server app on a new migrated database with a clock the test moves. */
export interface TestApi {
  readonly app: FastifyInstance;
  readonly db: Database;
  readonly clock: { now: number };
  createUser(name: string, scope: UserScope, password?: string): Promise<void>;
  login(name: string, password?: string): Promise<LoginResponse>;
  /** Logs in and returns the bearer token. */
  tokenFor(name: string): Promise<string>;
  request(
    method: 'GET' | 'POST' | 'PUT' | 'HEAD',
    url: string,
    options?: RequestOptions,
  ): Promise<LightMyRequestResponse>;
  dispose(): Promise<void>;
}

/** What a test may set of the app besides the database, the clock and the security policy. */
export type TestAppOptions = Partial<Pick<AppOptions, 'staticDir' | 'logLevel' | 'logStream'>>;

export async function startTestApi(
  backend: TestBackend,
  security: Partial<SecurityPolicy> = {},
  appOptions: TestAppOptions = {},
): Promise<TestApi> {
  const { db, dispose } = await createMigratedDatabase(backend);
  const clock = { now: TEST_START };
  const app = buildApp({
    db,
    version: 'test',
    now: () => clock.now,
    logLevel: 'silent',
    security: { argon2: TEST_ARGON2, ...security },
    scopeContext: { documentSystemSubsystemId: 3 },
    ...appOptions,
  });
  const api: TestApi = {
    app,
    db,
    clock,
    async createUser(name, scope, password = TEST_PASSWORD) {
      await addUser(
        db,
        { name, scope, password },
        {
          actor: 'cli:test',
          now: clock.now,
          knownUnitIds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
          argon2: TEST_ARGON2,
        },
      );
    },
    async login(name, password = TEST_PASSWORD) {
      const response = await api.request('POST', '/api/v1/auth/login', {
        body: { username: name, password },
      });
      if (response.statusCode !== 200) throw new Error(`login ${name} failed: ${response.body}`);
      return response.json<LoginResponse>();
    },
    async tokenFor(name) {
      return (await api.login(name)).token;
    },
    request(method, url, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (!options.withoutSchemaVersion) headers[SCHEMA_VERSION_HEADER] ??= String(SYNC_SCHEMA_VERSION);
      if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
      return app.inject({
        method,
        url,
        headers,
        ...(options.body === undefined ? {} : { payload: options.body as object }),
        ...(options.ip === undefined ? {} : { remoteAddress: options.ip }),
      });
    },
    async dispose() {
      await app.close();
      await dispose();
    },
  };
  return api;
}
