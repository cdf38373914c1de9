import type { z } from 'zod';
import type { Role } from '../auth/roles';
import type { JsonValue } from '../sync/json-value';
import type { RecordType } from './record-envelope';

/**
 * Which records of the type a user reads and writes:
 * - `subsystem`: by the envelope's `subsystemId` (tickets, inspections, trainings, on-site days);
 * - `subsystem_or_contract`: by a `subsystemId` that may be null for the whole contract (duty). Any
 *   engineer writes a contract-wide one, unless `contractWide` names who may and why not;
 * - `unit`: by the document-system unit ids in `field` (visits);
 * - `contract`: everyone in the contract reads them (sensitive periods).
 */
export type RecordScopeRule =
  | { readonly by: 'subsystem' }
  | {
      readonly by: 'subsystem_or_contract';
      readonly contractWide?: { readonly writers: readonly Role[]; readonly refusal: string };
    }
  | { readonly by: 'unit'; readonly field: string }
  | { readonly by: 'contract' };

/** A field whose value is computed from another field's value, never taken from a write. */
export interface DerivedField {
  readonly field: string;
  readonly from: string;
  /** The derived value, or undefined when the source value is malformed (the field is then left as it is). */
  readonly compute: (source: JsonValue) => JsonValue | undefined;
}

/**
 * A field naming the person a record belongs to (the one on duty, the stationed engineer): besides the
 * project lead, only that person writes the record, and `onlyFields` narrows what they may write (the
 * receiver of a hand-over signs it off and changes nothing else). Checked against the record before and
 * after the write, so a record cannot be taken over by renaming its person.
 */
export interface OwnerField {
  readonly field: string;
  /** The person, in messages: 值班人. */
  readonly who: string;
  readonly onlyFields?: readonly string[];
  /** What `onlyFields` lets them do, in messages: 签收. */
  readonly may?: string;
}

/** A field holding blob hashes (SHA-256): the candidate values of its value, or of each item of a list. */
export interface BlobField {
  readonly field: string;
  readonly hashesOf: (item: JsonValue) => readonly (JsonValue | undefined)[];
}

export interface RecordKind {
  readonly type: RecordType;
  /** The whole record, cross-field rules included. */
  readonly schema: z.ZodObject;
  /** For messages: 工单, 巡检模板, 巡检记录. */
  readonly label: string;
  /** What a message names one record by (a ticket's title, a template's name), or undefined. */
  readonly titleOf: (record: Readonly<Record<string, unknown>>) => string | undefined;
  /** Computed fields besides `updatedAt` (which every type derives from its latest write). */
  readonly derived: readonly DerivedField[];
  /** Fields merged as a timeline (union by event id) rather than by the last write. */
  readonly timelines: readonly string[];
  readonly blobs: readonly BlobField[];
  readonly scope: RecordScopeRule;
  /** The roles that may write records of the type (within their scope). */
  readonly writers: readonly Role[];
  /** Why a role outside `writers` may not, where the general sentence would mislead. */
  readonly refusals: Readonly<Partial<Record<Role, string>>>;
  /** The people a record belongs to; empty when any writer within scope may write it. */
  readonly owners: readonly OwnerField[];
  /** Each field's name in the user's words (history, refused changes). */
  readonly fieldLabels: Readonly<Record<string, string>>;
  /** For docs/sync-schemas.md: where the schema lives, and whether it is shown as written or as read. */
  readonly schemaDoc: { readonly source: string; readonly io: 'input' | 'output' };
}
