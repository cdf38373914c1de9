import type { z } from 'zod';
import { HOST_CHANNELS, type HostMethod } from './channels';
import type { HostApi } from './host-api';
import {
  emptyRequestSchema,
  notifyRequestSchema,
  printToPdfRequestSchema,
  saveFileRequestSchema,
  secureTokenKeyRequestSchema,
  secureTokenWriteRequestSchema,
} from './schemas';

/** The single argument of a HostApi method; methods without one are sent an empty object. */
export type HostRequest<M extends HostMethod> =
  Parameters<HostApi[M]> extends [infer R] ? R : Record<string, never>;
export type HostResult<M extends HostMethod> = Awaited<ReturnType<HostApi[M]>>;

export const HOST_METHODS = Object.keys(HOST_CHANNELS) as readonly HostMethod[];

/** Per method: its channel and the schema its payload must satisfy. */
export const HOST_CONTRACT = {
  saveFile: { channel: HOST_CHANNELS.saveFile, request: saveFileRequestSchema },
  printToPdf: { channel: HOST_CHANNELS.printToPdf, request: printToPdfRequestSchema },
  notify: { channel: HOST_CHANNELS.notify, request: notifyRequestSchema },
  readSecureToken: { channel: HOST_CHANNELS.readSecureToken, request: secureTokenKeyRequestSchema },
  writeSecureToken: { channel: HOST_CHANNELS.writeSecureToken, request: secureTokenWriteRequestSchema },
  deleteSecureToken: { channel: HOST_CHANNELS.deleteSecureToken, request: secureTokenKeyRequestSchema },
  getAppVersion: { channel: HOST_CHANNELS.getAppVersion, request: emptyRequestSchema },
  checkForUpdates: { channel: HOST_CHANNELS.checkForUpdates, request: emptyRequestSchema },
  getUpdateStatus: { channel: HOST_CHANNELS.getUpdateStatus, request: emptyRequestSchema },
} as const satisfies { [M in HostMethod]: { channel: string; request: z.ZodType<HostRequest<M>> } };

/**
 * What main sends back over IPC. Errors travel as data rather than as a rejected invoke, because
 * Electron prefixes rejected invokes with its own English text; the preload turns `ok: false` back into
 * a thrown Error carrying the Chinese message.
 */
export type HostReply<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };
