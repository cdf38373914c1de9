import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as echarts from 'echarts';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinCalendar } from '../calendar';
import { loadDefaultProfile } from '../profile';
import type { Ticket } from '../records';
import { newTicket } from '../records/ticket-create';
import { type TicketAction, transition } from '../records/ticket-status';
import { type ReportChart, WHOLE_CONTRACT, buildReport, monthPeriod, reportAsOf } from '../reports';
import { parseInstant } from '../time/shanghai-time';
import { drawChartSvg } from './chart-option';
import { PDF_FONT_ROLES, type PdfFontRole, locatePdfFonts } from './pdf-font-files';
import { type PdfFaces, openPdfFace } from './pdf-fonts';
import { drawText, textWidth } from './pdf-text';
import { breakLines, renderPdf } from './render-pdf';

/** The faces as bytes, read here from Debian's directories as the app's build copies them. */
function facesFromDebian(): PdfFaces {
  const located = locatePdfFonts(existsSync);
  const opened = new Map<string, ReturnType<typeof openPdfFace>>();
  const open = (role: PdfFontRole) => {
    const { path, face } = located[role];
    let font = opened.get(path);
    if (font === undefined) {
      font = openPdfFace(new Uint8Array(readFileSync(path)), face);
      opened.set(path, font);
    }
    return font;
  };
  return Object.fromEntries(PDF_FONT_ROLES.map((role) => [role, open(role)])) as Record<
    PdfFontRole,
    ReturnType<typeof openPdfFace>
  >;
}

function chartSvg(chart: ReportChart): string {
  return drawChartSvg(echarts, chart);
}

const at = parseInstant;

function ticket(
  id: number,
  title: string,
  person: string,
  receivedAt: string,
  steps: readonly [TicketAction, string][],
): Ticket {
  const created = newTicket(
    {
      subsystemId: 1,
      channel: 'phone',
      reporter: { unit: '省人社厅信息中心', person, phone: '' },
      category: 'fault',
      severity: 'ordinary',
      title,
      resolution: '已处理',
      receivedAt: at(receivedAt),
    },
    { actor: 'zhangsan', at: at(receivedAt), id: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}` },
  );
  if (!created.ok) throw new Error(created.reason);
  return steps.reduce((current, [action, time]) => {
    const result = transition(current, action, { actor: 'zhangsan', at: at(time) });
    if (!result.ok) throw new Error(result.reason);
    return result.ticket;
  }, created.ticket);
}

/** March 2026: two tickets of subsystem 1, one resolved, the open one reported by 王喆. */
function marchReport(kind: 'monthly' | 'tickets') {
  const period = monthPeriod('2026-03');
  return buildReport({
    kind,
    period,
    scope: WHOLE_CONTRACT,
    profile: loadDefaultProfile(),
    calendar: builtinCalendar(),
    asOf: reportAsOf(period, at('2026-04-03T12:00')),
    records: {
      tickets: [
        ticket(1, '养老保险待遇查询超时', '李堃', '2026-03-10T09:00', [
          ['respond', '2026-03-10T09:10'],
          ['resolve', '2026-03-10T11:00'],
        ]),
        ticket(2, '网上办事大厅登录异常', '王喆', '2026-03-18T14:00', [['respond', '2026-03-18T14:20']]),
      ],
      inspectionTemplates: [],
      inspectionRuns: [],
    },
  });
}

let dir: string;
let faces: PdfFaces;
const files = { monthly: '', tickets: '' };

// Opening the Noto CJK collections and embedding their subsets takes seconds: each PDF is made once.
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'yunwei-core-pdf-'));
  faces = facesFromDebian();
  for (const kind of ['monthly', 'tickets'] as const) {
    files[kind] = join(dir, `${kind}.pdf`);
    await writeFile(files[kind], await renderPdf(marchReport(kind), { faces, chartSvg }));
  }
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

const text = (file: string) =>
  execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');

describe('the PDF made from font bytes', () => {
  it('embeds every font it uses as a subset', () => {
    const table = execFileSync('pdffonts', [files.monthly], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(table.length).toBeGreaterThan(0);
    for (const line of table) {
      expect(line).toMatch(/^[A-Z]{6}\+/);
      expect(line).toMatch(/\s+yes\s+yes\s+(yes|no)\s+\d+\s+\d+$/);
    }
  });

  it('carries the report’s figures, headings and page number as text', () => {
    const monthly = text(files.monthly);
    expect(monthly).toContain('运维月报');
    expect(monthly).toContain('本月共受理问题2个，已解决1个，解决率50.0%');
    expect(monthly).toContain('一、运维工作概况');
    expect(monthly).toContain('图1各运维子项服务时限达标率');
    expect(monthly).toContain('达标率（%）');
    expect(monthly).toMatch(/—1—/);
  });

  it('sets the ticket titles and the reporters’ rare characters', () => {
    const tickets = text(files.tickets);
    for (const value of ['问题处理记录', '养老保险待遇查询超时', '网上办事大厅登录异常', '王喆', '李堃']) {
      expect(tickets).toContain(value);
    }
  });

  it('starts every file with the PDF header', () => {
    expect(readFileSync(files.tickets).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});

describe('line breaking', () => {
  const measure = (value: string) => [...value].length;

  it('never starts a line with closing punctuation', () => {
    expect(breakLines('甲乙丙，丁', 3, measure)).toEqual(['甲乙丙，', '丁']);
  });

  it('keeps an opening bracket with what follows', () => {
    expect(breakLines('甲乙（丙', 3, measure)).toEqual(['甲乙', '（丙']);
  });

  it('breaks a run of digits only when it is wider than the line', () => {
    expect(breakLines('2026-02-14', 4, measure)).toEqual(['2026', '-02-', '14']);
  });

  it('breaks a date after a hyphen when the whole does not fit', () => {
    expect(breakLines('2026-02-14 10:00', 8, measure)).toEqual(['2026-02-', '14 10:00']);
  });

  it('counts the character spacing between the characters of a line', () => {
    expect(breakLines('甲乙丙丁', 3.5, measure, 0.5)).toEqual(['甲乙', '丙丁']);
  });

  it('keeps a number whole', () => {
    expect(breakLines('解决率97.3%', 5, measure)).toEqual(['解决率', '97.3%']);
  });
});

/** A one-page PDF of `draw` with the body face registered as F1 and chosen. */
async function onePage(draw: (doc: PDFKit.PDFDocument) => void): Promise<string> {
  const doc = new PDFDocument({ size: 'A4', font: null } as unknown as PDFKit.PDFDocumentOptions);
  const chunks: Uint8Array[] = [];
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  const ended = new Promise((resolve) => doc.on('end', resolve));
  doc.registerFont('F1', faces.body as unknown as Uint8Array);
  doc.font('F1');
  draw(doc);
  doc.end();
  await ended;
  const file = join(dir, `page-${Math.random().toString(36).slice(2)}.pdf`);
  await writeFile(file, Buffer.concat(chunks));
  return file;
}

/** The page as a 100 dpi PNG, as poppler renders it. */
function pageImage(file: string): Buffer {
  execFileSync('pdftoppm', ['-r', '100', '-png', '-singlefile', file, file]);
  const image = readFileSync(`${file}.png`);
  expect(image.length).toBeGreaterThan(1_000);
  return image;
}

describe('text set without pdfkit’s text engine', () => {
  const samples = ['运维月报', 'CPU 使用率 95%（月末批处理）', '报告人：王喆、李堃、昇', '2026-02-14 08:30'];

  it('measures a line as pdfkit does, with and without character spacing', async () => {
    await onePage((doc) => {
      for (const sample of samples) {
        for (const spacing of [0, 0.75]) {
          doc.fontSize(16);
          const pdfkitWidth = doc.widthOfString(sample, { characterSpacing: spacing });
          expect(textWidth(faces.body, 16, sample, spacing)).toBeCloseTo(pdfkitWidth, 6);
        }
      }
    });
  });

  it('counts the spacing between characters, not UTF-16 units, for a character beyond the BMP', () => {
    const rare = '𠀀甲';
    expect(textWidth(faces.body, 16, rare, 2) - textWidth(faces.body, 16, rare, 0)).toBeCloseTo(2, 9);
  });

  it('draws lines exactly where pdfkit’s text() draws them, and a reader copies the same text', async () => {
    const setEach = (set: (line: string, y: number, spacing: number) => void) =>
      samples.forEach((sample, index) => set(sample, 80 + index * 40, index % 2 === 0 ? 0 : 0.75));
    const byPdfkit = await onePage((doc) =>
      setEach((line, y, spacing) => {
        doc.fontSize(16).text(line, 72, y, { lineBreak: false, characterSpacing: spacing });
      }),
    );
    const byDrawText = await onePage((doc) =>
      setEach((line, y, spacing) => drawText(doc, faces.body, 16, line, 72, y, spacing)),
    );
    expect(pageImage(byDrawText).equals(pageImage(byPdfkit))).toBe(true);
    expect(text(byDrawText)).toBe(samples.join('').replace(/\s+/g, ''));
  });
});
