/**
 * Subsets of CFF fonts without subroutines. fontkit keeps every subroutine slot of the font in each
 * subset (an empty one for each unused): the Noto CJK faces have some 50,000, and encoding them took
 * most of every PDF's time, some 60 ms for each font of each PDF. Here each glyph's charstring has its
 * subroutine calls replaced by the subroutines' code (desubroutinised), and the subset carries no
 * subroutines at all. The glyphs' outlines and hints are unchanged: only where the bytes sit moves.
 */

/** What fontkit's CFF table gives of itself (fontkit has no types for it). */
interface SubrEntry {
  readonly offset: number;
  readonly length: number;
}

interface CffTable {
  readonly version: number;
  readonly stream: { pos: number; readBuffer(length: number): Uint8Array };
  readonly globalSubrIndex?: ArrayLike<SubrEntry>;
  readonly topDict: { readonly CharStrings: ArrayLike<SubrEntry> };
  privateDictForGlyph(gid: number): { readonly Subrs?: ArrayLike<SubrEntry> } | null;
}

/** The part of fontkit's CFF subset this replaces. */
interface CffSubset {
  readonly cff?: CffTable;
  readonly glyphs: number[];
  charstrings: Uint8Array[];
  gsubrs: Uint8Array[];
  subsetCharstrings(): void;
  subsetSubrs(subrs: ArrayLike<SubrEntry>, used: Record<number, boolean>): Uint8Array[];
}

export class UnsupportedCharstringError extends Error {}

function bias(subrs: ArrayLike<SubrEntry>): number {
  return subrs.length < 1240 ? 107 : subrs.length < 33900 ? 1131 : 32768;
}

/** Type 2 charstring operators that are followed by a second byte (12 x). */
const ESCAPE = 12;
const CALLSUBR = 10;
const CALLGSUBR = 29;
const RETURN = 11;
const ENDCHAR = 14;
const HINTMASK = 19;
const CNTRMASK = 20;
const STEM_OPERATORS = new Set([1, 3, 18, 23]);
/** Flex operators, the only escaped ones a font from today's tools uses; arithmetic is refused. */
const FLEX_OPERATORS = new Set([34, 35, 36, 37]);

interface Operand {
  readonly value: number;
  readonly bytes: Uint8Array;
}

/** The glyph's charstring with every subroutine call replaced by the subroutine's code. */
export function flattenCharstring(cff: CffTable, gid: number): Uint8Array {
  const read = (entry: SubrEntry) => {
    cff.stream.pos = entry.offset;
    return cff.stream.readBuffer(entry.length);
  };
  const globals = cff.globalSubrIndex ?? [];
  const locals = cff.privateDictForGlyph(gid)?.Subrs ?? [];
  const out: number[] = [];
  let pending: Operand[] = [];
  let stems = 0;
  let ended = false;
  const flush = (operator: readonly number[]) => {
    for (const operand of pending) for (const byte of operand.bytes) out.push(byte);
    out.push(...operator);
    pending = [];
  };
  const run = (code: Uint8Array, depth: number): void => {
    if (depth > 10) throw new UnsupportedCharstringError('子程序嵌套超过 10 层');
    let at = 0;
    while (at < code.length && !ended) {
      const b0 = code[at] as number;
      if (b0 >= 32 || b0 === 28) {
        const size = b0 === 28 ? 3 : b0 <= 246 ? 1 : b0 <= 254 ? 2 : 5;
        const bytes = code.subarray(at, at + size);
        pending.push({ value: operandValue(bytes), bytes });
        at += size;
        continue;
      }
      at += 1;
      if (b0 === CALLSUBR || b0 === CALLGSUBR) {
        const subrs = b0 === CALLSUBR ? locals : globals;
        const index = (pending.pop()?.value ?? Number.NaN) + bias(subrs);
        const entry = subrs[index];
        if (entry === undefined)
          throw new UnsupportedCharstringError(`字形 ${gid} 调用了不存在的子程序 ${index}`);
        run(read(entry), depth + 1);
      } else if (b0 === RETURN) {
        return;
      } else if (b0 === ENDCHAR) {
        flush([ENDCHAR]);
        ended = true;
      } else if (b0 === HINTMASK || b0 === CNTRMASK) {
        // Operands before a mask are the vertical stems of a hintmask that follows hstems directly.
        stems += pending.length >> 1;
        const maskLength = (stems + 7) >> 3;
        flush([b0, ...code.subarray(at, at + maskLength)]);
        at += maskLength;
      } else if (b0 === ESCAPE) {
        const b1 = code[at] as number;
        at += 1;
        if (!FLEX_OPERATORS.has(b1))
          throw new UnsupportedCharstringError(`字形 ${gid} 使用了运算符 12 ${b1}`);
        flush([ESCAPE, b1]);
      } else {
        if (STEM_OPERATORS.has(b0)) stems += pending.length >> 1;
        flush([b0]);
      }
    }
  };
  run(read(cff.topDict.CharStrings[gid] as SubrEntry), 0);
  if (!ended) flush([]);
  return Uint8Array.from(out);
}

function operandValue(bytes: Uint8Array): number {
  const b0 = bytes[0] as number;
  const b1 = bytes[1] ?? 0;
  if (b0 === 28) return ((b1 << 24) | ((bytes[2] ?? 0) << 16)) >> 16;
  if (b0 <= 246) return b0 - 139;
  if (b0 <= 250) return (b0 - 247) * 256 + b1 + 108;
  if (b0 <= 254) return -(b0 - 251) * 256 - b1 - 108;
  // 16.16 fixed: never a subroutine number, only carried along.
  return ((b1 << 24) | ((bytes[2] ?? 0) << 16) | ((bytes[3] ?? 0) << 8) | (bytes[4] ?? 0)) / 65536;
}

/**
 * Makes fontkit's CFF `subset` write desubroutinised charstrings and no subroutines; `known` keeps the
 * flattened charstrings of the font's glyphs for the next subsets. A subset of a TrueType font, or of
 * a CFF2 one, is left as it is.
 */
export function flattenSubset(subset: object, known: Map<number, Uint8Array>): void {
  const cff = subset as CffSubset;
  const table = cff.cff;
  if (table === undefined || table.version >= 2) return;
  const fontkitCharstrings = cff.subsetCharstrings;
  const fontkitSubrs = cff.subsetSubrs;
  cff.subsetSubrs = () => [];
  cff.subsetCharstrings = function subsetCharstrings(this: CffSubset) {
    try {
      this.charstrings = this.glyphs.map((gid) => {
        let charstring = known.get(gid);
        if (charstring === undefined) {
          charstring = flattenCharstring(table, gid);
          known.set(gid, charstring);
        }
        return charstring;
      });
      this.gsubrs = [];
    } catch (error) {
      if (!(error instanceof UnsupportedCharstringError)) throw error;
      // A charstring this does not read is subset by fontkit, subroutines and all.
      this.subsetSubrs = fontkitSubrs;
      fontkitCharstrings.call(this);
    }
  };
}
