import { RECORD_KINDS, RECORD_TYPES } from '@core/records';
import {
  blobPutResponseSchema,
  errorBodySchema,
  historyResponseSchema,
  loginRequestSchema,
  loginResponseSchema,
  pokeEventSchema,
  pullRequestSchema,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
} from '@core/sync/protocol';
import { format, resolveConfig } from 'prettier';
import { z } from 'zod';

/** Where the generated page lives, from the repository root. */
export const SCHEMAS_DOC_PATH = 'docs/sync-schemas.md';
export const SCHEMAS_DOC_COMMAND = 'npx tsx server/src/sync/write-schemas-doc.ts';

interface Section {
  readonly title: string;
  readonly source: string;
  readonly schema: z.ZodType;
  /** `input`: what a sender must write (defaults optional); `output`: what a receiver gets. */
  readonly io: 'input' | 'output';
}

const RECORDS: readonly Section[] = RECORD_TYPES.map((recordType) => ({
  title: recordType,
  schema: RECORD_KINDS[recordType].schema,
  ...RECORD_KINDS[recordType].schemaDoc,
}));

const BODIES: readonly Section[] = [
  {
    title: 'POST /auth/login request',
    source: 'loginRequestSchema',
    schema: loginRequestSchema,
    io: 'input',
  },
  {
    title: 'POST /auth/login response',
    source: 'loginResponseSchema',
    schema: loginResponseSchema,
    io: 'output',
  },
  { title: 'POST /sync/push request', source: 'pushRequestSchema', schema: pushRequestSchema, io: 'input' },
  {
    title: 'POST /sync/push response',
    source: 'pushResponseSchema',
    schema: pushResponseSchema,
    io: 'output',
  },
  { title: 'POST /sync/pull request', source: 'pullRequestSchema', schema: pullRequestSchema, io: 'input' },
  {
    title: 'POST /sync/pull response',
    source: 'pullResponseSchema',
    schema: pullResponseSchema,
    io: 'output',
  },
  {
    title: 'GET /sync/history/<recordId> response',
    source: 'historyResponseSchema',
    schema: historyResponseSchema,
    io: 'output',
  },
  {
    title: 'PUT /blobs/<sha256> response',
    source: 'blobPutResponseSchema',
    schema: blobPutResponseSchema,
    io: 'output',
  },
  { title: 'event stream: `poke` data', source: 'pokeEventSchema', schema: pokeEventSchema, io: 'output' },
  { title: 'every error', source: 'errorBodySchema', schema: errorBodySchema, io: 'output' },
];

function jsonSchemaOf(section: Section): string {
  // Values typed as "any JSON" are checked by code, which JSON Schema shows as `{}` (anything).
  const schema = z.toJSONSchema(section.schema, { io: section.io, unrepresentable: 'any' });
  return JSON.stringify(schema, null, 2);
}

function renderSection(section: Section): string {
  return [
    `### ${section.title}`,
    '',
    `From \`${section.source}\`.`,
    '',
    '```json',
    jsonSchemaOf(section),
    '```',
    '',
  ].join('\n');
}

/** The page: every record type's schema and every body's, as JSON Schema generated from the zod schemas. */
export async function renderSchemasDoc(): Promise<string> {
  const text = [
    '# Sync schemas (generated)',
    '',
    `<!-- Generated from the zod schemas by \`${SCHEMAS_DOC_COMMAND}\`; do not edit. A test fails when it is stale. -->`,
    '',
    'JSON Schema (draft 2020-12) of every record type and every request and response body of the sync',
    'protocol (`docs/sync-protocol.md`), generated from the zod schemas the app and the server validate',
    'with, so it cannot drift from them. What JSON Schema cannot say is checked by code and listed here:',
    '',
    '- **Cross-field rules** (zod refinements), reported by the server as `invalid` (§4):',
    '  - ticket: the first event is `created`; event ids are unique; a status event (`responded`,',
    '    `progress`, `waiting`, `resumed`, `resolved`, `closed`, `reopened`) is not earlier than',
    '    `receivedAt` nor than the status event before it; attachments are unique by `sha256`;',
    '  - inspection_template: item ids are unique; a number item has `min` ≤ `max`, and bounds between 0',
    "    and 100 when its unit is `%`; a choice item's options are unique and its abnormal options are",
    '    among them;',
    '  - inspection_run: `finishedAt` is not before `startedAt`; one result per item id;',
    '  - training: an in-person training has a `place`; trainer names are unique; an attendee (unit and',
    '    name) signs in once; materials are unique by `sha256`;',
    '  - sensitive_period: `to` is not before `from`; `subsystemIds` are unique;',
    '  - duty_swap: `personA` ≠ `personB`; `assignmentA` ≠ `assignmentB`;',
    '  - duty_log: `handOverTo` and `handedOverAt` are set together; `handOverTo` ≠ `onDuty`;',
    '    `signedOffAt` only after a hand-over and not before `handedOverAt`; linked tickets are unique;',
    '  - visit: `unitIds` are unique; each satisfaction entry and each person met is of a visited unit,',
    '    one satisfaction entry per unit; photos are unique by `sha256`;',
    '  - onsite_day: `hours` is 0 on leave and more than 0 otherwise, in half hours.',
    '- **Storable text** (no U+0000, no lone surrogate) holds for every string and object key (§1).',
    '- A value shown as `{}` is any JSON value.',
    "- A record's fields are written and merged one by one (§3, §6): a push writes top-level fields of",
    "  these records, a pull sends each record's fields packed (§5).",
    '- Who reads and writes each type, and the records that belong to a person (a duty log, a visit, an',
    '  on-site day), are the scope rules of §10, not schema.',
    '',
    '## Records',
    '',
    "Each record as the server stores it and sends it: every field present (a new record's first op writes",
    'them all, §3).',
    '',
    ...RECORDS.map(renderSection),
    '## Bodies',
    '',
    'Requests as a sender must write them (defaults may be left out); responses as the receiver gets them.',
    '',
    ...BODIES.map(renderSection),
  ].join('\n');
  const config = await resolveConfig(SCHEMAS_DOC_PATH);
  return format(text, { ...config, parser: 'markdown' });
}
