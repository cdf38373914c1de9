import type { EChartsOption } from 'echarts';

/**
 * A document as the renderers (docx, pdf) see it: no layout, only structure and Chinese text. Headings
 * carry their numbering (一、 / （一）) so every renderer numbers alike.
 */
export interface ReportTable {
  readonly kind: 'table';
  /** 表 N 的标题 without the number; renderers number tables in document order. */
  readonly caption: string;
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly (readonly string[])[];
  /** What the table says when it has no rows (the period had none). */
  readonly emptyText: string;
}

export interface ReportColumn {
  readonly header: string;
  /** Width in Chinese characters, for ledgers and table layout. */
  readonly width: number;
  readonly align?: 'left' | 'center' | 'right';
}

export interface ReportParagraph {
  readonly kind: 'paragraph';
  readonly text: string;
}

/**
 * A chart: the ECharts option of core/src/charts (plain data, the dashboard's own), drawn by each
 * renderer at the text width; `width` × `height` is the size it is laid out at, in CSS pixels.
 */
export interface ReportChart {
  readonly kind: 'chart';
  /** 图 N 的标题 without the number; renderers number charts in document order. */
  readonly caption: string;
  readonly option: EChartsOption;
  readonly width: number;
  readonly height: number;
}

export type ReportBlock = ReportParagraph | ReportTable | ReportChart;

export interface ReportSection {
  /** With its number: 一、运维工作概况 (level 1) or （一）按来源渠道 (level 2). */
  readonly heading: string;
  readonly level: 1 | 2;
  readonly blocks: readonly ReportBlock[];
  readonly subsections: readonly ReportSection[];
}

/** One headline number of the document, as computed and as printed; tests and renderers can find it. */
export interface ReportFigure {
  readonly key: string;
  readonly label: string;
  readonly value: number | null;
  readonly text: string;
}

export interface ReportDocument {
  readonly kind: ReportKind;
  /** The title line, e.g. 运维月报. */
  readonly title: string;
  /** Who and when: scope and period, printed under the title. */
  readonly subtitle: string;
  readonly sections: readonly ReportSection[];
  readonly figures: readonly ReportFigure[];
  /** The names of the attached documents (附件), in order. */
  readonly attachments: readonly string[];
  /** The base of a file name for the document, e.g. 运维月报-2026年2月-网站群. */
  readonly fileStem: string;
}

export const REPORT_KINDS = [
  'monthly',
  'tickets',
  'inspections',
  'duty',
  'trainings',
  'visits',
  'summary',
] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_KIND_TITLES: Readonly<Record<ReportKind, string>> = {
  monthly: '运维月报',
  tickets: '问题处理记录',
  inspections: '巡检记录',
  duty: '值班记录',
  trainings: '培训记录',
  visits: '回访记录',
  summary: '运维服务总结报告',
};

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 12 → 十二, 20 → 二十: section numbers never pass ninety-nine. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`章节序号应在 1–99 之间，收到 ${n}`);
  if (n <= 10) return CHINESE_NUMERALS[n - 1] as string;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CHINESE_NUMERALS[tens - 1]}十${ones === 0 ? '' : CHINESE_NUMERALS[ones - 1]}`;
}

export function paragraph(text: string): ReportParagraph {
  return { kind: 'paragraph', text };
}

/** Numbers level-1 sections 一、二、… and their subsections （一）（二）… in order. */
export function numberSections(
  sections: readonly {
    title: string;
    blocks: readonly ReportBlock[];
    subsections?: readonly { title: string; blocks: readonly ReportBlock[] }[];
  }[],
): ReportSection[] {
  return sections.map((section, index) => ({
    heading: `${chineseNumeral(index + 1)}、${section.title}`,
    level: 1,
    blocks: section.blocks,
    subsections: (section.subsections ?? []).map((subsection, subIndex) => ({
      heading: `（${chineseNumeral(subIndex + 1)}）${subsection.title}`,
      level: 2,
      blocks: subsection.blocks,
      subsections: [],
    })),
  }));
}
