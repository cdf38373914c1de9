/** Regenerates docs/sync-schemas.md from the zod schemas (run from the repository root). */
import { writeFile } from 'node:fs/promises';
import { SCHEMAS_DOC_PATH, renderSchemasDoc } from './schemas-doc';

await writeFile(SCHEMAS_DOC_PATH, await renderSchemasDoc());
process.stdout.write(`${SCHEMAS_DOC_PATH} written\n`);
