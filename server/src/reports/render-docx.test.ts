import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { ReportChart, ReportDocument } from '@core/reports';
import { buildReport } from '@core/reports';
import { februaryRequest } from '../test-support/report-records';
import { WINDOWS_DOCUMENT_FONTS, renderDocx } from '@core/documents';
import { serverChartPicture } from './chart-svg';

const document: ReportDocument = {
  kind: 'monthly',
  title: '运维月报',
  subtitle: '网站群\u30002026年2月',
  fileStem: '运维月报-2026年2月-网站群',
  figures: [],
  attachments: ['问题处理记录台账'],
  sections: [
    {
      heading: '一、运维工作概况',
      level: 1,
      blocks: [{ kind: 'paragraph', text: '本月共受理问题 6 个，已解决 5 个，解决率 83.3%。' }],
      subsections: [
        {
          heading: '（一）按来源渠道',
          level: 2,
          blocks: [
            {
              kind: 'table',
              caption: '问题来源渠道分布',
              columns: [
                { header: '来源渠道', width: 8 },
                { header: '数量', width: 4, align: 'right' },
              ],
              rows: [['电话', '3']],
              emptyText: '本月无工单。',
            },
          ],
          subsections: [],
        },
      ],
    },
  ],
};

async function parts(fonts?: Parameters<typeof renderDocx>[2]) {
  const zip = await JSZip.loadAsync(await renderDocx(document, serverChartPicture, fonts));
  const read = async (name: string) => {
    const file = zip.file(name);
    if (file === null) throw new Error(`docx 中缺少 ${name}`);
    return file.async('string');
  };
  const body = await read('word/document.xml');
  const footers = await Promise.all(
    Object.keys(zip.files)
      .filter((name) => /^word\/footer\d+\.xml$/.test(name))
      .sort()
      .map(read),
  );
  return { body, styles: await read('word/styles.xml'), settings: await read('word/settings.xml'), footers };
}

describe('the .docx follows GB/T 9704-2012', () => {
  it('sets A4, margins 37/35/28/26 mm and a 22-line grid', async () => {
    const { body } = await parts();
    expect(body).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margins = /<w:pgMar ([^>]*)\/>/.exec(body)?.[1] ?? '';
    expect(margins).toContain('w:top="2098"'); // 37 mm
    expect(margins).toContain('w:bottom="1984"'); // 35 mm
    expect(margins).toContain('w:left="1587"'); // 28 mm
    expect(margins).toContain('w:right="1474"'); // 26 mm
    expect(body).toMatch(/<w:docGrid w:type="lines" w:linePitch="579"\/>/);
  });

  it('sets the body to 16 pt 仿宋 with exact line spacing and 28 characters a line', async () => {
    const { styles } = await parts();
    const defaults = /<w:docDefaults>([\s\S]*?)<\/w:docDefaults>/.exec(styles)?.[1] ?? '';
    expect(defaults).toContain('w:eastAsia="仿宋_GB2312"');
    expect(defaults).toContain('<w:sz w:val="32"/>');
    expect(defaults).toContain('<w:spacing w:val="-5"/>');
    expect(defaults).toMatch(/<w:spacing w:line="579" w:lineRule="exact"\/>/);
  });

  it('sets the title in 22 pt 小标宋, 一、 in 黑体 and （一） in 楷体', async () => {
    const { body } = await parts();
    expect(body).toMatch(
      /w:eastAsia="方正小标宋简体" w:hAnsi="Times New Roman"\/><w:sz w:val="44"\/>[\s\S]*?运维月报/,
    );
    expect(body).toMatch(
      /w:eastAsia="黑体" w:hAnsi="Times New Roman"\/><\/w:rPr><w:t xml:space="preserve">一、运维工作概况/,
    );
    expect(body).toMatch(
      /w:eastAsia="楷体_GB2312" w:hAnsi="Times New Roman"\/><\/w:rPr><w:t xml:space="preserve">（一）按来源渠道/,
    );
  });

  it('numbers pages “— N —” in 14 pt, odd pages right and even pages left', async () => {
    const { body, settings, footers } = await parts();
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    expect(body).toMatch(/<w:footerReference w:type="default"/);
    expect(body).toMatch(/<w:footerReference w:type="even"/);
    const withPage = footers.filter((footer) => footer.includes('PAGE'));
    expect(withPage).toHaveLength(2);
    for (const footer of withPage) {
      expect(footer).toContain('<w:sz w:val="28"/>');
      expect(footer).toMatch(/— <\/w:t>[\s\S]*PAGE[\s\S]*<w:t xml:space="preserve"> —/);
    }
    expect(withPage.map((footer) => /<w:jc w:val="(\w+)"\/>/.exec(footer)?.[1]).sort()).toEqual([
      'left',
      'right',
    ]);
  });

  it('repeats a table’s header row on every page, and sets tables in single spacing off the grid', async () => {
    const { body, styles } = await parts();
    expect(body).toMatch(/<w:tblHeader\/>[\s\S]*来源渠道/);
    expect(body).toMatch(/<w:pStyle w:val="TableText"\/>[\s\S]*电话/);
    expect(styles).toMatch(
      /w:styleId="TableText">[\s\S]*?<w:pPr><w:snapToGrid w:val="false"\/><w:spacing w:line="240" w:lineRule="auto"\/>[\s\S]*?<w:snapToGrid w:val="false"\/><w:sz w:val="24"\/>/,
    );
  });

  it('writes the font names of the deployment’s set', async () => {
    const { body, styles } = await parts(WINDOWS_DOCUMENT_FONTS);
    expect(styles).toContain('w:eastAsia="仿宋"');
    expect(body).toContain('w:eastAsia="楷体"');
    expect(body).not.toContain('_GB2312');
  });
});

describe('the .docx tables', () => {
  it('escapes cell text, numbers an empty table too, and never takes a paragraph’s text for a table', async () => {
    const table = (caption: string, rows: string[][]) => ({
      kind: 'table' as const,
      caption,
      columns: [
        { header: '事项', width: 8 },
        { header: '说明', width: 8, align: 'center' as const },
      ],
      rows,
      emptyText: '本期没有。',
    });
    const zip = await JSZip.loadAsync(
      await renderDocx(
        {
          ...document,
          sections: [
            {
              heading: '一、说明',
              level: 1,
              blocks: [
                { kind: 'paragraph', text: '\uE000表格0' },
                table('空表', []),
                table('明细', [['A&B <x>', '甲\u0001乙']]),
              ],
              subsections: [],
            },
          ],
        },
        serverChartPicture,
      ),
    );
    const body = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(body).toContain('\uE000表格0');
    expect(body).toContain('表1\u3000空表');
    expect(body).toContain('本期没有。');
    expect(body).toMatch(/表2\u3000明细[\s\S]*<w:tbl>[\s\S]*A&amp;B &lt;x&gt;[\s\S]*甲乙[\s\S]*<\/w:tbl>/);
    expect(body.match(/<w:tbl>/g)).toHaveLength(1);
    expect(body).toMatch(/<w:jc w:val="center"\/><\/w:pPr><w:r><w:t xml:space="preserve">甲乙/);
  });
});

describe('the .docx charts', () => {
  it('draws each chart as an SVG picture with a PNG for older readers, the caption 图 N below it', async () => {
    const zip = await JSZip.loadAsync(
      await renderDocx(buildReport(februaryRequest('monthly')), serverChartPicture),
    );
    const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
    expect(media.filter((name) => name.endsWith('.svg'))).toHaveLength(2);
    expect(media.filter((name) => name.endsWith('.png'))).toHaveLength(2);
    const svg = (await zip.file(media.find((name) => name.endsWith('.svg')) ?? '')?.async('string')) ?? '';
    expect(svg).toMatch(/^<svg /);
    expect(svg).not.toMatch(/font-family:"/);
    const png =
      (await zip.file(media.find((name) => name.endsWith('.png')) ?? '')?.async('uint8array')) ?? [];
    expect([...png.slice(1, 4)].map((byte) => String.fromCharCode(byte)).join('')).toBe('PNG');
    const body = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(body).toMatch(
      /svgBlip[\s\S]*图1\u3000每日巡检完成情况[\s\S]*svgBlip[\s\S]*图2\u3000各运维子项服务时限达标率/,
    );
  });
});

describe('the .docx text', () => {
  const hostile = '登录<script>&“乱码”"引号"\u0001\u000B\uFFFF\uD800结束';
  const escaped = '登录&lt;script&gt;&amp;“乱码”&quot;引号&quot;结束';

  it('escapes every text it writes and drops the characters XML 1.0 forbids', async () => {
    const zip = await JSZip.loadAsync(
      await renderDocx(
        {
          ...document,
          title: hostile,
          subtitle: hostile,
          attachments: [hostile],
          sections: [
            {
              heading: hostile,
              level: 1,
              blocks: [
                { kind: 'paragraph', text: hostile },
                {
                  kind: 'table',
                  caption: hostile,
                  columns: [{ header: hostile, width: 4 }],
                  rows: [[hostile]],
                  emptyText: '',
                },
                { ...chartOf(buildReport(februaryRequest('monthly'))), caption: hostile },
              ],
              subsections: [],
            },
          ],
        },
        serverChartPicture,
      ),
    );
    const body = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const core = (await zip.file('docProps/core.xml')?.async('string')) ?? '';
    // Title, subtitle, heading, paragraph, 表 caption, header, cell, the picture's four names, 图 caption
    // and the attachments line.
    expect(body.split(escaped)).toHaveLength(14);
    expect(body).toContain(`name="${escaped}"`);
    expect(core).toContain(`<dc:title>${escaped}</dc:title>`);
    // eslint-disable-next-line no-control-regex -- no character XML 1.0 forbids is left
    expect(body + core).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/);
  });
});

describe('the .docx package', () => {
  it('gives every part a content type, and every relationship a part that exists', async () => {
    const zip = await JSZip.loadAsync(
      await renderDocx(buildReport(februaryRequest('monthly')), serverChartPicture),
    );
    const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
    const names = Object.keys(zip.files).filter((name) => !zip.files[name]?.dir);
    const types = await read('[Content_Types].xml');
    const defaults = [...types.matchAll(/<Default [^>]*Extension="(\w+)"/g)].map((match) => match[1]);
    const overrides = [...types.matchAll(/<Override [^>]*PartName="\/([^"]+)"/g)].map((match) => match[1]);
    for (const name of names.filter((part) => part !== '[Content_Types].xml')) {
      expect(overrides.includes(name) || defaults.includes(name.split('.').pop()), name).toBe(true);
    }
    for (const override of overrides) expect(names).toContain(override);
    for (const [rels, base] of [
      ['_rels/.rels', ''],
      ['word/_rels/document.xml.rels', 'word/'],
    ] as const) {
      const targets = [...(await read(rels)).matchAll(/Target="([^"]+)"/g)].map((match) => match[1]);
      expect(targets.length).toBeGreaterThan(2);
      for (const target of targets) expect(names).toContain(`${base}${target}`);
    }
    const ids = [...(await read('word/_rels/document.xml.rels')).matchAll(/Id="(rId\d+)"/g)].map(
      (match) => match[1],
    );
    const body = await read('word/document.xml');
    for (const used of body.matchAll(/r:(?:id|embed)="(rId\d+)"/g)) expect(ids).toContain(used[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

function chartOf(report: ReportDocument): ReportChart {
  const find = (sections: ReportDocument['sections']): ReportChart | undefined => {
    for (const section of sections) {
      const chart =
        section.blocks.find((block): block is ReportChart => block.kind === 'chart') ??
        find(section.subsections);
      if (chart !== undefined) return chart;
    }
    return undefined;
  };
  const chart = find(report.sections);
  if (chart === undefined) throw new Error('月报中没有图');
  return chart;
}
