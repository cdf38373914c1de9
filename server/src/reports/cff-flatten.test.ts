import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '@core/reports';
import { februaryRequest } from '../test-support/report-records';
import { createPdfFontCache, debianPdfFonts } from './pdf-fonts';
import { renderPdf } from './render-pdf';

let dir: string;
const sizes = { flat: 0, fontkit: 0 };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'yunwei-cff-'));
  const document = buildReport(februaryRequest('tickets'));
  for (const [name, desubroutinise] of [
    ['flat', true],
    ['fontkit', false],
  ] as const) {
    const cache = createPdfFontCache((file) => readFileSync(file), { desubroutinise });
    const bytes = await renderPdf(document, debianPdfFonts(), cache);
    sizes[name] = bytes.length;
    await writeFile(join(dir, `${name}.pdf`), bytes);
    execFileSync('pdftoppm', ['-r', '60', '-png', join(dir, `${name}.pdf`), join(dir, name)]);
  }
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('desubroutinised CFF subsets', () => {
  it('draw every page exactly as fontkit’s own subsets do', async () => {
    for (const page of ['1', '2']) {
      const flat = await readFile(join(dir, `flat-${page}.png`));
      const fontkit = await readFile(join(dir, `fontkit-${page}.png`));
      expect(flat.equals(fontkit)).toBe(true);
    }
  });

  it('leave out the subroutine slots fontkit keeps, and still embed subset fonts', () => {
    expect(sizes.flat).toBeLessThan(sizes.fontkit / 2);
    const fonts = execFileSync('pdffonts', [join(dir, 'flat.pdf')], { encoding: 'utf8' })
      .trim()
      .split('\n');
    for (const line of fonts.slice(2))
      expect(line).toMatch(/^[A-Z]{6}\+\S+\s+CID Type 0C\s.*yes\s+yes\s+yes/);
  });
});
