import type { ReportBlock, ReportDocument, ReportSection, ReportTable } from '@core/reports';
import { Fragment, useMemo } from 'react';
import { EChart } from '../dashboard/EChart';

/** Rows of a table the preview draws; the saved file has them all (a half-year ledger has thousands). */
export const PREVIEW_ROWS = 200;

const NO_LINKS: readonly (readonly (readonly string[])[])[] = [];

/** Charts in a document are pictures: a click opens nothing. */
function ignorePoint(): void {}

/** Each table's and chart's number, in document order, as the renderers number them. */
type Numbering = ReadonlyMap<ReportBlock, number>;

export function blockNumbers(sections: readonly ReportSection[]): Numbering {
  const numbers = new Map<ReportBlock, number>();
  const counts = { table: 0, chart: 0 };
  const visit = (section: ReportSection) => {
    for (const block of section.blocks) {
      if (block.kind === 'paragraph') continue;
      counts[block.kind] += 1;
      numbers.set(block, counts[block.kind]);
    }
    section.subsections.forEach(visit);
  };
  sections.forEach(visit);
  return numbers;
}

function PreviewTable({ table, number }: { readonly table: ReportTable; readonly number: number }) {
  const shown = table.rows.slice(0, PREVIEW_ROWS);
  return (
    <figure className="report-preview__table">
      <figcaption>{`表${number}\u3000${table.caption}`}</figcaption>
      {table.rows.length === 0 ? (
        <p className="report-preview__paragraph">{table.emptyText}</p>
      ) : (
        <>
          <table>
            <thead>
              <tr>
                {table.columns.map((column) => (
                  <th key={column.header}>{column.header}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((row, rowIndex) => (
                // Rows have no identity of their own but their place; the table is redrawn whole.
                <tr key={rowIndex}>
                  {row.map((cell, cellIndex) => (
                    <td key={cellIndex} style={{ textAlign: table.columns[cellIndex]?.align ?? 'left' }}>
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {table.rows.length > shown.length && (
            <p className="report-preview__note">
              预览显示前 {shown.length} 行，共 {table.rows.length} 行；保存的文件包含全部记录。
            </p>
          )}
        </>
      )}
    </figure>
  );
}

function Block({ block, numbering }: { readonly block: ReportBlock; readonly numbering: Numbering }) {
  switch (block.kind) {
    case 'paragraph':
      return <p className="report-preview__paragraph">{block.text}</p>;
    case 'table':
      return <PreviewTable table={block} number={numbering.get(block) ?? 0} />;
    case 'chart':
      return (
        <figure className="report-preview__chart">
          <div style={{ maxWidth: block.width }}>
            <EChart
              model={{ option: block.option, links: NO_LINKS }}
              height={block.height}
              label={block.caption}
              onPoint={ignorePoint}
              testId="report-chart"
            />
          </div>
          <figcaption>{`图${numbering.get(block) ?? 0}\u3000${block.caption}`}</figcaption>
        </figure>
      );
  }
}

function Section({ section, numbering }: { readonly section: ReportSection; readonly numbering: Numbering }) {
  const Heading = section.level === 1 ? 'h3' : 'h4';
  return (
    <section>
      <Heading className={`report-preview__heading report-preview__heading--${section.level}`}>
        {section.heading}
      </Heading>
      {section.blocks.map((block, index) => (
        <Block key={index} block={block} numbering={numbering} />
      ))}
      {section.subsections.map((subsection) => (
        <Section key={subsection.heading} section={subsection} numbering={numbering} />
      ))}
    </section>
  );
}

/**
 * The document as a page: title, subtitle, numbered sections, paragraphs, tables and charts (the
 * dashboard's chart, drawn from the document's own option), as the .docx lays them out.
 */
export function ReportPreview({ document }: { readonly document: ReportDocument }) {
  const numbering = useMemo(() => blockNumbers(document.sections), [document]);
  return (
    <article className="report-preview" aria-label={`${document.title}预览`} data-testid="report-preview">
      <h2 className="report-preview__title">{document.title}</h2>
      <p className="report-preview__subtitle">{document.subtitle}</p>
      {document.sections.map((section) => (
        <Fragment key={section.heading}>
          <Section section={section} numbering={numbering} />
        </Fragment>
      ))}
      {document.attachments.length > 0 && (
        <p className="report-preview__paragraph">附件：{document.attachments.join('、')}</p>
      )}
    </article>
  );
}
