import type { z } from 'zod';
import type {
  appVersionSchema,
  hostKindSchema,
  notifyRequestSchema,
  notifyResultSchema,
  printToPdfRequestSchema,
  saveFileRequestSchema,
  saveOutcomeSchema,
  secureTokenKeyRequestSchema,
  secureTokenReadResultSchema,
  secureTokenWriteRequestSchema,
  updateCheckResultSchema,
  updateOutcomeSchema,
  updateStatusSchema,
} from './schemas';

export type SaveFileRequest = z.infer<typeof saveFileRequestSchema>;
export type PrintToPdfRequest = z.infer<typeof printToPdfRequestSchema>;
export type SaveOutcome = z.infer<typeof saveOutcomeSchema>;
export type NotifyRequest = z.infer<typeof notifyRequestSchema>;
export type NotifyResult = z.infer<typeof notifyResultSchema>;
export type SecureTokenKeyRequest = z.infer<typeof secureTokenKeyRequestSchema>;
export type SecureTokenWriteRequest = z.infer<typeof secureTokenWriteRequestSchema>;
export type SecureTokenReadResult = z.infer<typeof secureTokenReadResultSchema>;
export type HostKind = z.infer<typeof hostKindSchema>;
export type AppVersion = z.infer<typeof appVersionSchema>;
export type UpdateCheckResult = z.infer<typeof updateCheckResultSchema>;
export type UpdateOutcome = z.infer<typeof updateOutcomeSchema>;
export type UpdateStatus = z.infer<typeof updateStatusSchema>;

/**
 * The services the renderer needs from whatever hosts it: Electron (through the preload's
 * `window.host`) or a plain browser (`WebHost`). Every method takes at most one plain-object argument,
 * so each call is one IPC payload that main can validate with a single schema.
 */
export interface HostApi {
  saveFile(request: SaveFileRequest): Promise<SaveOutcome>;
  /** Prints the calling window's current page to a PDF file. */
  printToPdf(request: PrintToPdfRequest): Promise<SaveOutcome>;
  notify(request: NotifyRequest): Promise<NotifyResult>;
  readSecureToken(request: SecureTokenKeyRequest): Promise<SecureTokenReadResult>;
  writeSecureToken(request: SecureTokenWriteRequest): Promise<void>;
  deleteSecureToken(request: SecureTokenKeyRequest): Promise<void>;
  getAppVersion(): Promise<AppVersion>;
  checkForUpdates(): Promise<UpdateCheckResult>;
  /** Where updates come from and the last check's time and outcome (关于). */
  getUpdateStatus(): Promise<UpdateStatus>;
}
