import { createHash } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import {
  type LocatedPdfFont,
  PDF_FONT_ROLES,
  type PdfFontRole,
  locatePdfFonts,
} from '../../core/src/documents/pdf-font-files';
import {
  PDF_FONTS_DIRECTORY,
  PDF_FONTS_MANIFEST,
  type PdfFontsManifest,
} from '../src/features/reports/pdf-fonts-manifest';

async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex').slice(0, 16);
}

/** What the worker reads first: each role's file, face, size and a revision of the file's contents. */
export async function pdfFontsManifest(
  fonts: Readonly<Record<PdfFontRole, LocatedPdfFont>>,
): Promise<PdfFontsManifest> {
  const entries = await Promise.all(
    PDF_FONT_ROLES.map(async (role) => {
      const font = fonts[role];
      return [
        role,
        {
          file: font.file,
          face: font.face,
          bytes: statSync(font.path).size,
          revision: await sha256(font.path),
        },
      ] as const;
    }),
  );
  return { faces: Object.fromEntries(entries) as PdfFontsManifest['faces'] };
}

/**
 * The PDF's font files as build inputs, not committed: the build copies them from Debian's font
 * directories into `pdf-fonts/` of its output (the dev server serves them from there), with a manifest
 * the report worker reads when a PDF is first asked for. Without a required font the build fails,
 * naming the Debian package to install.
 */
export function pdfFontsPlugin(): Plugin {
  let fonts: Readonly<Record<PdfFontRole, LocatedPdfFont>>;
  let outDir = '';
  let manifest: Promise<PdfFontsManifest> | null = null;
  const manifestOnce = () => (manifest ??= pdfFontsManifest(fonts));
  return {
    name: 'yunwei-pdf-fonts',
    configResolved(config) {
      fonts = locatePdfFonts(existsSync);
      outDir = config.build.outDir;
    },
    configureServer(server) {
      server.middlewares.use(`/${PDF_FONTS_DIRECTORY}/`, (request, response, next) => {
        const name = decodeURIComponent((request.url ?? '').split('?')[0] ?? '').replace(/^\//, '');
        if (name === PDF_FONTS_MANIFEST) {
          manifestOnce().then(
            (value) => {
              response.setHeader('content-type', 'application/json; charset=utf-8');
              response.end(JSON.stringify(value));
            },
            (error: unknown) => next(error),
          );
          return;
        }
        const font = Object.values(fonts).find((candidate) => candidate.file === name);
        if (font === undefined) {
          next();
          return;
        }
        response.setHeader('content-type', 'application/octet-stream');
        response.setHeader('content-length', String(statSync(font.path).size));
        createReadStream(font.path).pipe(response);
      });
    },
    async writeBundle() {
      const directory = join(outDir, PDF_FONTS_DIRECTORY);
      await mkdir(directory, { recursive: true });
      const copied = new Set<string>();
      for (const font of Object.values(fonts)) {
        if (copied.has(font.file)) continue;
        copied.add(font.file);
        await copyFile(font.path, join(directory, font.file));
      }
      await writeFile(join(directory, PDF_FONTS_MANIFEST), JSON.stringify(await manifestOnce()));
    },
  };
}
