import { xmlText } from './docx-table-xml';

/**
 * The fixed parts of a .docx around its `word/document.xml`: the package's content types and
 * relationships, the styles, the settings and the two page-number footers. Written as text, as the
 * body is: the `docx` library built and serialised an object tree for each of a package's 141
 * documents, packed it, and the renderer then unzipped and zipped it again to put its tables in.
 * Only what the documents use is written (no numbering, notes or theme: every run names its fonts).
 */

export const W_NAMESPACE = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const R_NAMESPACE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WP_NAMESPACE = 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing';
const RELATIONSHIP_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

/** The relationship ids of document.xml: fixed parts first, pictures from PICTURE_RID_START on. */
export const FOOTER_ODD_RID = 'rId3';
export const FOOTER_EVEN_RID = 'rId4';
const PICTURE_RID_START = 6;

export const DOCUMENT_XML = 'word/document.xml';

/** The opening of document.xml up to its body: the namespaces its paragraphs and pictures use. */
export const DOCUMENT_START = `${DECLARATION}<w:document xmlns:w="${W_NAMESPACE}" xmlns:r="${R_NAMESPACE}" xmlns:wp="${WP_NAMESPACE}"><w:body>`;
export const DOCUMENT_END = '</w:body></w:document>';

/** A chart's picture in the package: its SVG and PNG parts and their relationship ids. */
export interface PicturePart {
  readonly svgRid: string;
  readonly pngRid: string;
  readonly svgPath: string;
  readonly pngPath: string;
}

export function picturePart(index: number): PicturePart {
  const number = index + 1;
  return {
    svgRid: `rId${PICTURE_RID_START + 2 * index}`,
    pngRid: `rId${PICTURE_RID_START + 2 * index + 1}`,
    svgPath: `media/image${number}.svg`,
    pngPath: `media/image${number}.png`,
  };
}

export function contentTypesXml(): string {
  const main = 'application/vnd.openxmlformats-officedocument.wordprocessingml';
  const override = (part: string, type: string) => `<Override PartName="/${part}" ContentType="${type}"/>`;
  return (
    `${DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Default Extension="png" ContentType="image/png"/>' +
    '<Default Extension="svg" ContentType="image/svg+xml"/>' +
    override(DOCUMENT_XML, `${main}.document.main+xml`) +
    override('word/styles.xml', `${main}.styles+xml`) +
    override('word/settings.xml', `${main}.settings+xml`) +
    override('word/fontTable.xml', `${main}.fontTable+xml`) +
    override('word/footer1.xml', `${main}.footer+xml`) +
    override('word/footer2.xml', `${main}.footer+xml`) +
    override('docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
    override('docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml') +
    '</Types>'
  );
}

function relationships(list: readonly (readonly [id: string, type: string, target: string])[]): string {
  return (
    `${DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    list
      .map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`)
      .join('') +
    '</Relationships>'
  );
}

export function packageRelationshipsXml(): string {
  return relationships([
    ['rId1', `${RELATIONSHIP_TYPE}/officeDocument`, DOCUMENT_XML],
    [
      'rId2',
      'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
      'docProps/core.xml',
    ],
    ['rId3', `${RELATIONSHIP_TYPE}/extended-properties`, 'docProps/app.xml'],
  ]);
}

export function documentRelationshipsXml(pictures: number): string {
  return relationships([
    ['rId1', `${RELATIONSHIP_TYPE}/styles`, 'styles.xml'],
    ['rId2', `${RELATIONSHIP_TYPE}/settings`, 'settings.xml'],
    [FOOTER_ODD_RID, `${RELATIONSHIP_TYPE}/footer`, 'footer1.xml'],
    [FOOTER_EVEN_RID, `${RELATIONSHIP_TYPE}/footer`, 'footer2.xml'],
    ['rId5', `${RELATIONSHIP_TYPE}/fontTable`, 'fontTable.xml'],
    ...Array.from({ length: pictures }, (_, index) => {
      const part = picturePart(index);
      return [
        [part.svgRid, `${RELATIONSHIP_TYPE}/image`, part.svgPath],
        [part.pngRid, `${RELATIONSHIP_TYPE}/image`, part.pngPath],
      ] as const;
    }).flat(),
  ]);
}

export function corePropertiesXml(title: string, creator: string): string {
  return (
    `${DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
    `<dc:title>${xmlText(title)}</dc:title><dc:creator>${xmlText(creator)}</dc:creator></cp:coreProperties>`
  );
}

export function appPropertiesXml(application: string): string {
  return `${DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${xmlText(application)}</Application></Properties>`;
}

/** Page numbers on odd and even pages differ (GB/T 9704: odd right, even left). */
export function settingsXml(): string {
  return (
    `${DECLARATION}<w:settings xmlns:w="${W_NAMESPACE}"><w:defaultTabStop w:val="720"/><w:evenAndOddHeaders/>` +
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>'
  );
}

export function fontTableXml(): string {
  return `${DECLARATION}<w:fonts xmlns:w="${W_NAMESPACE}"/>`;
}

export interface StyleSizes {
  /** The body's font, size (half-points), character spacing (twentieths of a point) and line pitch (twips). */
  readonly bodyFont: string;
  readonly bodySize: number;
  readonly characterSpacing: number;
  readonly linePitch: number;
  /** The cells' paragraph styles: id and size in half-points. */
  readonly tableStyles: readonly { readonly id: string; readonly size: number }[];
}

/**
 * The document defaults (16 pt 仿宋 on exact 579-twip lines, justified) and the table text styles:
 * their own size and single spacing, off the 22-line grid (snapToGrid in the paragraph's properties:
 * on the grid every table row was a whole body line high or two; the run's is the character grid).
 */
export function stylesXml(sizes: StyleSizes): string {
  const tableStyle = ({ id, size }: { id: string; size: number }) =>
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${id}"/><w:basedOn w:val="Normal"/>` +
    '<w:pPr><w:snapToGrid w:val="false"/><w:spacing w:line="240" w:lineRule="auto"/><w:jc w:val="left"/></w:pPr>' +
    `<w:rPr><w:snapToGrid w:val="false"/><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr></w:style>`;
  return (
    `${DECLARATION}<w:styles xmlns:w="${W_NAMESPACE}"><w:docDefaults><w:rPrDefault><w:rPr>` +
    fontsXml(sizes.bodyFont) +
    `<w:spacing w:val="${sizes.characterSpacing}"/><w:sz w:val="${sizes.bodySize}"/><w:szCs w:val="${sizes.bodySize}"/>` +
    `</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:line="${sizes.linePitch}" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>` +
    '<w:style w:type="paragraph" w:styleId="Normal" w:default="1"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    '<w:style w:type="table" w:styleId="TableNormal" w:default="1"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>' +
    '<w:tblPr><w:tblInd w:type="dxa" w:w="0"/><w:tblCellMar><w:top w:type="dxa" w:w="0"/><w:left w:type="dxa" w:w="108"/><w:bottom w:type="dxa" w:w="0"/><w:right w:type="dxa" w:w="108"/></w:tblCellMar></w:tblPr></w:style>' +
    sizes.tableStyles.map(tableStyle).join('') +
    '</w:styles>'
  );
}

/** A run's fonts: Times New Roman for Latin text, `eastAsia` for Chinese. */
export function fontsXml(eastAsia: string): string {
  return `<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="${xmlText(eastAsia)}" w:hAnsi="Times New Roman"/>`;
}

export interface FooterOptions {
  readonly odd: boolean;
  readonly font: string;
  /** Half-points. */
  readonly size: number;
  /** From the outer edge, in twips. */
  readonly indent: number;
}

/** 「— N —」: the PAGE field between two dashes, at the outer edge of the page. */
export function footerXml({ odd, font, size, indent }: FooterOptions): string {
  const properties = `<w:rPr>${fontsXml(font)}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr>`;
  const run = (content: string) => `<w:r>${properties}${content}</w:r>`;
  return (
    `${DECLARATION}<w:ftr xmlns:w="${W_NAMESPACE}" xmlns:r="${R_NAMESPACE}"><w:p><w:pPr><w:spacing w:line="240" w:lineRule="auto"/>` +
    `<w:ind ${odd ? 'w:right' : 'w:left'}="${indent}"/><w:jc w:val="${odd ? 'right' : 'left'}"/></w:pPr>` +
    run('<w:t xml:space="preserve">— </w:t>') +
    run('<w:fldChar w:fldCharType="begin"/>') +
    run('<w:instrText xml:space="preserve">PAGE</w:instrText>') +
    run('<w:fldChar w:fldCharType="separate"/>') +
    run('<w:fldChar w:fldCharType="end"/>') +
    run('<w:t xml:space="preserve"> —</w:t>') +
    '</w:p></w:ftr>'
  );
}
