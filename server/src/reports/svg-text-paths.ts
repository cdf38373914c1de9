import type { Font, Glyph } from 'fontkit';

/**
 * ECharts' SVG with every <text> drawn as the outlines of its glyphs, so that a rasteriser needs no
 * fonts: resvg took a quarter of a second to load a Noto CJK collection for each chart, and a package
 * draws some two hundred. Only what ECharts writes is handled: one line of text per element, placed
 * by x, y, text-anchor, dominant-baseline and a transform, sized by the style's font-size.
 */
export function svgTextAsPaths(svg: string, font: Font): string {
  const outlines = outlinesOf.get(font) ?? new Map<number, string>();
  outlinesOf.set(font, outlines);
  const outline = (glyph: Glyph): string => {
    let path = outlines.get(glyph.id);
    if (path === undefined) {
      path = glyph.path.toSVG();
      outlines.set(glyph.id, path);
    }
    return path;
  };
  return svg.replace(/<text([^>]*)>([^<]*)<\/text>/g, (_whole, attributes: string, content: string) => {
    const text = decodeEntities(content);
    const attribute = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attributes)?.[1];
    const size = Number(/font-size:\s*([\d.]+)px/.exec(attribute('style') ?? '')?.[1] ?? 12);
    const scale = size / font.unitsPerEm;
    const glyphs = font.glyphsForString(text);
    const width = glyphs.reduce((sum, glyph) => sum + glyph.advanceWidth, 0) * scale;
    const anchor = attribute('text-anchor');
    let x = Number(attribute('x') ?? 0) - (anchor === 'middle' ? width / 2 : anchor === 'end' ? width : 0);
    const baseline = attribute('dominant-baseline');
    // The em box's middle (central) or top (hanging) on y; otherwise y is the baseline.
    const y =
      Number(attribute('y') ?? 0) +
      (baseline === 'central' || baseline === 'middle'
        ? ((font.ascent + font.descent) / 2) * scale
        : baseline === 'hanging' || baseline === 'text-before-edge'
          ? font.ascent * scale
          : 0);
    const paths: string[] = [];
    for (const glyph of glyphs) {
      const d = outline(glyph);
      if (d !== '') {
        paths.push(
          `<path transform="translate(${round(x)} ${round(y)}) scale(${round(scale, 5)} ${-round(scale, 5)})" d="${d}"/>`,
        );
      }
      x += glyph.advanceWidth * scale;
    }
    const keep = ['transform', 'fill', 'fill-opacity', 'opacity']
      .map((name) => [name, attribute(name)] as const)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => ` ${name}="${value}"`)
      .join('');
    return `<g${keep}>${paths.join('')}</g>`;
  });
}

/**
 * Each glyph's outline as SVG path data, per font, for the life of the thread: a package's charts
 * share their digits and labels, and each outline took a tenth of a millisecond to write.
 */
const outlinesOf = new WeakMap<Font, Map<number, string>>();

function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (entity, body: string) => {
    const lower = body.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[lower] ?? entity;
  });
}
