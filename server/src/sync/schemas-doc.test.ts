import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMAS_DOC_COMMAND, SCHEMAS_DOC_PATH, renderSchemasDoc } from './schemas-doc';

const ROOT = join(import.meta.dirname, '../../..');

describe(SCHEMAS_DOC_PATH, () => {
  it('is what the zod schemas generate today', async () => {
    const written = await readFile(join(ROOT, SCHEMAS_DOC_PATH), 'utf8');
    expect(written, `stale: run \`${SCHEMAS_DOC_COMMAND}\``).toBe(await renderSchemasDoc());
  });

  it('shows every field of each record type, with its constraints', async () => {
    const page = await renderSchemasDoc();
    expect(page).toContain('### ticket');
    expect(page).toContain('"receivedAt"');
    expect(page).toContain('"maxLength": 200');
  });
});
