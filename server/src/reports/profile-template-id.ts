import { createHash } from 'node:crypto';
import { newRecordId } from '@core/records';

/**
 * The record id the app gives the contract profile's version 1 of a checklist
 * (renderer/src/features/inspections/profile-templates.ts): from a SHA-256 of the profile and the
 * checklist, so the server's documents and the app name the same version alike.
 */
export function profileTemplateRecordId(profileId: string, templateId: string): string {
  const digest = createHash('sha256').update(`yunwei-inspection-seed:${profileId}:${templateId}:1`).digest();
  return newRecordId(() => new Uint8Array(digest.subarray(0, 16)));
}
