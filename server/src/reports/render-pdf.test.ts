import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '@core/reports';
import { februaryRequest } from '../test-support/report-records';
import { createPdfFontCache, debianPdfFonts } from './pdf-fonts';
import { renderPdf } from './render-pdf';

let dir: string;
const files = { monthly: '', tickets: '' };
// Embedding subsets of the 20 MB Noto CJK collections takes seconds: each PDF is made once.
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'yunwei-pdf-'));
  for (const kind of ['monthly', 'tickets'] as const) {
    files[kind] = join(dir, `${kind}.pdf`);
    await writeFile(files[kind], await renderPdf(buildReport(februaryRequest(kind))));
  }
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

const pdfOf = async (kind: keyof typeof files) => files[kind];

describe('the PDF', () => {
  it('embeds and subsets every font it uses', async () => {
    const file = await pdfOf('monthly');
    const table = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(table.length).toBeGreaterThan(0);
    for (const line of table) {
      // name type encoding emb sub uni object ID: the subset prefix ABCDEF+ and "yes yes" for emb/sub.
      expect(line).toMatch(/^[A-Z]{6}\+/);
      expect(line).toMatch(/\s+yes\s+yes\s+(yes|no)\s+\d+\s+\d+$/);
    }
  });

  it('carries the title, the figures and the ticket titles and names as text', async () => {
    const monthly = execFileSync('pdftotext', [await pdfOf('monthly'), '-'], { encoding: 'utf8' });
    const flat = monthly.replace(/\s+/g, '');
    expect(flat).toContain('运维月报');
    expect(flat).toContain('本月共受理问题3个，已解决2个，解决率66.7%');
    expect(flat).toContain('一、运维工作概况');
    expect(flat).toContain('九、下月工作计划');
    // The charts: captions below them, and their own labels as text in the embedded 黑体 face.
    expect(flat).toContain('图1每日巡检完成情况');
    expect(flat).toContain('图2各运维子项服务时限达标率');
    expect(flat).toContain('达标率（%）');
    expect(flat).toContain('漏检');
    expect(monthly).toMatch(/—\s*1\s*—/);
    const tickets = execFileSync('pdftotext', [await pdfOf('tickets'), '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      '',
    );
    for (const text of ['问题处理记录', '社保查询页面报错', '网站首页无法打开', '王喆', '李堃', '赵昇']) {
      expect(tickets).toContain(text);
    }
  });
});

describe('the fonts of PDFs', () => {
  it('reads and parses each font file once, however many PDFs share the cache', async () => {
    const reads: string[] = [];
    const cache = createPdfFontCache((file) => {
      reads.push(file);
      return readFileSync(file);
    });
    // 楷体 falling back to the body face, as where LXGW WenKai is not installed.
    const fonts = { ...debianPdfFonts(), heading2: debianPdfFonts().body };
    const document = buildReport(februaryRequest('monthly'));
    await renderPdf(document, fonts, cache);
    await renderPdf(document, fonts, cache);
    expect(reads.sort()).toEqual(
      [...new Set([fonts.body.file, fonts.title.file, fonts.heading1.file])].sort(),
    );
  }, 60_000);
});
