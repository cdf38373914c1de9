import { PDF_FONT_ROLES, type PdfFaces, type PdfFontRole, openPdfFace } from '@core/documents';
import {
  PDF_FONTS_DIRECTORY,
  PDF_FONTS_MANIFEST,
  type PdfFontsManifest,
  type ShippedPdfFace,
} from './pdf-fonts-manifest';

/** How much of the fonts' bytes are here. */
export interface FontProgress {
  readonly loaded: number;
  readonly total: number;
}

/** The name the fonts are kept under in the browser's Cache Storage. */
export const PDF_FONT_CACHE = 'yunwei-pdf-fonts';

export interface PdfFontLoaderDeps {
  /** The app's base URL (where index.html is): the build puts the fonts under it. */
  readonly base: URL;
  readonly fetch: (url: string) => Promise<Response>;
  /**
   * The browser's Cache Storage, where the fonts stay for making PDFs offline; null where there is
   * none (the desktop app reads them from its own files).
   */
  readonly openCache: () => Promise<Cache> | null;
  readonly open?: typeof openPdfFace;
}

const MB = 1024 * 1024;

export class PdfFontsUnavailableError extends Error {
  constructor(total: number, cause: unknown) {
    const size = total > 0 ? `（约 ${Math.round(total / MB)} MB）` : '';
    super(
      `生成 PDF 需要的字体${size}尚未下载到本机，现在也无法联网下载：请联网后再生成一次 PDF，此后离线也能生成`,
      { cause },
    );
    this.name = 'PdfFontsUnavailableError';
  }
}

/** The PDF's faces when a PDF is asked for, and their preparation beforehand where that costs nothing. */
export interface PdfFontLoader {
  (onProgress: (progress: FontProgress) => void): Promise<PdfFaces>;
  /**
   * Opens the faces ahead of the first PDF, only if their files are already on this PC (the desktop
   * app's own files, or the browser's cache): the page calls it when it opens, so a PDF does not wait
   * for 70 MB to be read and parsed. Never downloads. Resolves to whether the faces are ready.
   */
  prepare(): Promise<boolean>;
}

/**
 * Gets the PDF's faces the first time a PDF is asked for: the manifest, then each font file (some
 * 20 MB each) from the browser's cache or, with progress, from the app's origin, then opens them. The
 * faces stay open for the worker's life; a failed load is tried afresh next time.
 */
export function createPdfFontLoader({
  base,
  fetch,
  openCache,
  open = openPdfFace,
}: PdfFontLoaderDeps): PdfFontLoader {
  let loading: Promise<PdfFaces> | null = null;
  const directory = new URL(`${PDF_FONTS_DIRECTORY}/`, base);

  const load = async (onProgress: (progress: FontProgress) => void): Promise<PdfFaces> => {
    const cache = await openCache();
    const manifest = await readManifest(new URL(PDF_FONTS_MANIFEST, directory).href, fetch, cache);
    const files = new Map<string, ShippedPdfFace>();
    for (const role of PDF_FONT_ROLES) files.set(manifest.faces[role].file, manifest.faces[role]);
    const total = [...files.values()].reduce((sum, face) => sum + face.bytes, 0);
    const loaded = new Map<string, number>();
    const report = () =>
      onProgress({ loaded: [...loaded.values()].reduce((sum, bytes) => sum + bytes, 0), total });
    report();
    const bytes = await Promise.all(
      [...files.values()].map(async (face) => {
        const url = new URL(`${face.file}?v=${face.revision}`, directory).href;
        const data = await readFont(url, face, fetch, cache, (count) => {
          loaded.set(face.file, count);
          report();
        }).catch((cause: unknown) => {
          if (cause instanceof TypeError) throw new PdfFontsUnavailableError(total, cause);
          throw cause;
        });
        return [face.file, data] as const;
      }),
    );
    const data = new Map(bytes);
    const opened = new Map<string, PdfFaces[PdfFontRole]>();
    const faceOf = (role: PdfFontRole) => {
      const { file, face } = manifest.faces[role];
      const key = `${file}#${face}`;
      let font = opened.get(key);
      if (font === undefined) {
        font = open(data.get(file) as Uint8Array, face);
        opened.set(key, font);
      }
      return font;
    };
    return Object.fromEntries(PDF_FONT_ROLES.map((role) => [role, faceOf(role)])) as Record<
      PdfFontRole,
      PdfFaces[PdfFontRole]
    >;
  };

  const faces = (onProgress: (progress: FontProgress) => void) => {
    loading ??= load(onProgress).catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };

  const prepare = async (): Promise<boolean> => {
    if (loading === null) {
      const cache = await openCache();
      if (cache !== null && !(await allKept(cache, directory))) return false;
    }
    const opened = await faces(() => undefined);
    // A face parses its glyph tables on the first subset it writes: do it now, not in the first PDF.
    for (const role of PDF_FONT_ROLES) {
      const font = opened[role];
      const subset = font.createSubset();
      for (const glyph of font.layout('运维月报').glyphs) subset.includeGlyph(glyph);
      subset.encode();
    }
    return true;
  };
  return Object.assign(faces, { prepare });
}

/** Whether the manifest and every font file it names are in the browser's cache. */
async function allKept(cache: Cache, directory: URL): Promise<boolean> {
  const kept = await cache.match(new URL(PDF_FONTS_MANIFEST, directory).href);
  if (kept === undefined) return false;
  const manifest = (await kept.json()) as PdfFontsManifest;
  for (const role of PDF_FONT_ROLES) {
    const face = manifest.faces[role];
    if ((await cache.match(new URL(`${face.file}?v=${face.revision}`, directory).href)) === undefined) {
      return false;
    }
  }
  return true;
}

/** The manifest from the origin, else the copy kept with the fonts (offline). */
async function readManifest(
  url: string,
  fetch: PdfFontLoaderDeps['fetch'],
  cache: Cache | null,
): Promise<PdfFontsManifest> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (cause) {
    const kept = await cache?.match(url);
    if (kept === undefined) throw new PdfFontsUnavailableError(0, cause);
    return (await kept.json()) as PdfFontsManifest;
  }
  if (!response.ok) throw new Error(`本程序缺少 PDF 字体清单（${response.status}），请重新安装或联系管理员`);
  const text = await response.text();
  await cache?.put(url, new Response(text, { headers: { 'content-type': 'application/json' } }));
  return JSON.parse(text) as PdfFontsManifest;
}

async function readFont(
  url: string,
  face: ShippedPdfFace,
  fetch: PdfFontLoaderDeps['fetch'],
  cache: Cache | null,
  onBytes: (count: number) => void,
): Promise<Uint8Array> {
  const kept = await cache?.match(url);
  if (kept !== undefined) {
    const bytes = new Uint8Array(await kept.arrayBuffer());
    onBytes(bytes.length);
    return bytes;
  }
  const response = await fetch(url);
  if (!response.ok || response.body === null)
    throw new Error(`PDF 字体 ${face.file} 下载失败（${response.status}），请重新安装或联系管理员`);
  const bytes = new Uint8Array(face.bytes);
  let at = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (at + value.length > bytes.length) throw new Error(`PDF 字体 ${face.file} 与清单不符，请重新安装`);
    bytes.set(value, at);
    at += value.length;
    onBytes(at);
  }
  if (at !== bytes.length) throw new Error(`PDF 字体 ${face.file} 下载不完整，请重试`);
  if (cache !== null) {
    await cache.put(url, new Response(bytes));
    // Copies of the file's older revisions are of no more use.
    const path = new URL(url).pathname;
    for (const request of await cache.keys()) {
      if (new URL(request.url).pathname === path && request.url !== url) await cache.delete(request);
    }
  }
  return bytes;
}
