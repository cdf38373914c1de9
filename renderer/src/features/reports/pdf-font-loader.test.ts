import type { PdfFaces } from '@core/documents';
import { describe, expect, it } from 'vitest';
import { type FontProgress, PdfFontsUnavailableError, createPdfFontLoader } from './pdf-font-loader';
import type { PdfFontsManifest } from './pdf-fonts-manifest';

const BASE = new URL('http://127.0.0.1:5173/');

/** Two files as the build ships them where LXGW WenKai is missing: 楷体 shares the body's file and face. */
const manifest: PdfFontsManifest = {
  faces: {
    body: { file: 'serif.ttc', face: 'SerifSC', bytes: 6, revision: 'r1' },
    title: { file: 'serif.ttc', face: 'SerifSC-Bold', bytes: 6, revision: 'r1' },
    heading1: { file: 'sans.ttc', face: 'SansSC', bytes: 4, revision: 'r1' },
    heading2: { file: 'serif.ttc', face: 'SerifSC', bytes: 6, revision: 'r1' },
  },
};

const FILES: Record<string, Uint8Array> = {
  'serif.ttc': new Uint8Array([1, 2, 3, 4, 5, 6]),
  'sans.ttc': new Uint8Array([7, 8, 9, 10]),
};

/** The origin: the manifest and the files, each file's body in two chunks as a network would give it. */
function origin(files: Record<string, Uint8Array> = FILES) {
  const fetched: string[] = [];
  let online = true;
  const fetch = async (url: string): Promise<Response> => {
    if (!online) throw new TypeError('Failed to fetch');
    fetched.push(url);
    const path = new URL(url).pathname;
    if (path === '/pdf-fonts/fonts.json') return new Response(JSON.stringify(manifest));
    const bytes = files[path.replace('/pdf-fonts/', '')];
    if (bytes === undefined) return new Response('找不到文件', { status: 404 });
    const half = Math.ceil(bytes.length / 2);
    return new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(bytes.slice(0, half));
          controller.enqueue(bytes.slice(half));
          controller.close();
        },
      }),
    );
  };
  return {
    fetch,
    fetched,
    goOffline: () => {
      online = false;
    },
  };
}

/** Cache Storage's one cache as the browser keeps it (Node has none): responses by URL. */
function memoryCache(): Cache {
  const stored = new Map<string, Response>();
  const key = (request: RequestInfo | URL) =>
    typeof request === 'string' ? request : request instanceof URL ? request.href : request.url;
  const cache: Pick<Cache, 'match' | 'put' | 'keys' | 'delete'> = {
    match: async (request) => stored.get(key(request))?.clone(),
    put: async (request, response) => {
      stored.set(key(request), response.clone());
    },
    keys: async () => [...stored.keys()].map((url) => new Request(url)),
    delete: async (request) => stored.delete(key(request)),
  };
  return cache as Cache;
}

/** Opens a "face" as the bytes it was given and the face's name, so the test sees what was opened. */
const openRecorded = (opened: string[]) => (bytes: Uint8Array, face: string) => {
  opened.push(face);
  return { bytes: [...bytes], face } as unknown as PdfFaces['body'];
};

describe('the PDF font loader', () => {
  it('fetches each file once with progress up to the total, and opens each face once', async () => {
    const network = origin();
    const opened: string[] = [];
    const load = createPdfFontLoader({
      base: BASE,
      fetch: network.fetch,
      openCache: () => null,
      open: openRecorded(opened),
    });
    const progress: FontProgress[] = [];
    const faces = await load((step) => progress.push(step));
    expect(network.fetched).toEqual([
      'http://127.0.0.1:5173/pdf-fonts/fonts.json',
      'http://127.0.0.1:5173/pdf-fonts/serif.ttc?v=r1',
      'http://127.0.0.1:5173/pdf-fonts/sans.ttc?v=r1',
    ]);
    expect(opened.sort()).toEqual(['SansSC', 'SerifSC', 'SerifSC-Bold']);
    expect(faces.heading2).toBe(faces.body);
    expect(faces.heading1).toEqual({ bytes: [7, 8, 9, 10], face: 'SansSC' });
    expect(progress[0]).toEqual({ loaded: 0, total: 10 });
    expect(progress.at(-1)).toEqual({ loaded: 10, total: 10 });
    // The next PDF of the worker's life uses the open faces.
    expect(await load(() => undefined)).toBe(faces);
    expect(network.fetched).toHaveLength(3);
  });

  it('makes PDFs offline from the fonts a first PDF left in the browser’s cache', async () => {
    const cache = memoryCache();
    const first = origin();
    await createPdfFontLoader({
      base: BASE,
      fetch: first.fetch,
      openCache: async () => cache,
      open: openRecorded([]),
    })(() => undefined);
    // A new worker (the page opened again), with the PC offline.
    const later = origin();
    later.goOffline();
    const faces = await createPdfFontLoader({
      base: BASE,
      fetch: later.fetch,
      openCache: async () => cache,
      open: openRecorded([]),
    })(() => undefined);
    expect(faces.body).toEqual({ bytes: [1, 2, 3, 4, 5, 6], face: 'SerifSC' });
  });

  it('says that the fonts must be fetched once online when offline without them, and tries again next time', async () => {
    const network = origin();
    network.goOffline();
    const load = createPdfFontLoader({
      base: BASE,
      fetch: network.fetch,
      openCache: async () => memoryCache(),
      open: openRecorded([]),
    });
    const failure = load(() => undefined);
    await expect(failure).rejects.toBeInstanceOf(PdfFontsUnavailableError);
    await expect(failure).rejects.toThrow('请联网后再生成一次 PDF，此后离线也能生成');
    expect(network.fetched).toHaveLength(0);
  });

  it('refuses a font file that is not the size the manifest says (a page in place of the font)', async () => {
    const network = origin({ ...FILES, 'sans.ttc': new Uint8Array([7, 8]) });
    const load = createPdfFontLoader({
      base: BASE,
      fetch: network.fetch,
      openCache: () => null,
      open: openRecorded([]),
    });
    await expect(load(() => undefined)).rejects.toThrow('PDF 字体 sans.ttc 下载不完整');
  });

  it('names the missing font file when the origin has none', async () => {
    const { 'sans.ttc': _missing, ...rest } = FILES;
    const load = createPdfFontLoader({
      base: BASE,
      fetch: origin(rest).fetch,
      openCache: () => null,
      open: openRecorded([]),
    });
    await expect(load(() => undefined)).rejects.toThrow('PDF 字体 sans.ttc 下载失败（404）');
  });
});

describe('preparing the PDF fonts when 报表 opens', () => {
  /** A face that records the subsets it writes: preparing parses its tables by writing one. */
  const openPrimed = (primed: string[]) => (_bytes: Uint8Array, face: string) =>
    ({
      layout: () => ({ glyphs: [{ id: 1 }] }),
      createSubset: () => ({ includeGlyph: () => 0, encode: () => primed.push(face) }),
    }) as unknown as PdfFaces['body'];

  it('opens the faces from the browser’s cache ahead of the first PDF, fetching no font file', async () => {
    const cache = memoryCache();
    await createPdfFontLoader({
      base: BASE,
      fetch: origin().fetch,
      openCache: async () => cache,
      open: openRecorded([]),
    })(() => undefined);
    const later = origin();
    const primed: string[] = [];
    const load = createPdfFontLoader({
      base: BASE,
      fetch: later.fetch,
      openCache: async () => cache,
      open: openPrimed(primed),
    });
    expect(await load.prepare()).toBe(true);
    // Only the small manifest is asked of the origin (fresh, or the kept copy offline).
    expect(later.fetched).toEqual(['http://127.0.0.1:5173/pdf-fonts/fonts.json']);
    expect(primed.sort()).toEqual(['SansSC', 'SerifSC', 'SerifSC', 'SerifSC-Bold']);
  });

  it('downloads nothing and prepares nothing while the fonts are not on this PC', async () => {
    const network = origin();
    const load = createPdfFontLoader({
      base: BASE,
      fetch: network.fetch,
      openCache: async () => memoryCache(),
      open: openPrimed([]),
    });
    expect(await load.prepare()).toBe(false);
    expect(network.fetched).toEqual([]);
  });

  it('prepares the desktop app’s own files, which are always here', async () => {
    const primed: string[] = [];
    const load = createPdfFontLoader({
      base: BASE,
      fetch: origin().fetch,
      openCache: () => null,
      open: openPrimed(primed),
    });
    expect(await load.prepare()).toBe(true);
    expect(primed).toHaveLength(4);
  });
});
