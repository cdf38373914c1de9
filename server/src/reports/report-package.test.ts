import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportPeriod } from '@core/reports';
import { parseInstant } from '@core/time/shanghai-time';
import { februaryRequest } from '../test-support/report-records';
import { buildReportPackage } from './report-package';
import { startRenderWorkers } from './render-workers';

let files: Record<string, Uint8Array>;
let dir: string;

beforeAll(async () => {
  const { profile, calendar, records } = februaryRequest('monthly');
  const renderer = startRenderWorkers(2);
  try {
    files = unzipSync(
      await buildReportPackage(
        {
          period: reportPeriod('2026-01-01', '2026-02-28'),
          profile,
          calendar,
          now: parseInstant('2026-03-05T12:00'),
          records,
        },
        renderer,
      ),
    );
  } finally {
    await renderer.close();
  }
  dir = await mkdtemp(join(tmpdir(), 'yunwei-package-'));
}, 300_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

async function onDisk(name: string): Promise<string> {
  const bytes = files[name];
  if (bytes === undefined) throw new Error(`压缩包中没有 ${name}`);
  const path = join(dir, name.replaceAll('/', '_'));
  await writeFile(path, bytes);
  return path;
}

describe('the half-year package', () => {
  it('holds each monthly report and the summary as PDF beside the .docx, for every scope', () => {
    const names = Object.keys(files);
    for (const folder of ['00-全部运维子项', '01-互联网+人社', '05-网站群', '13-政务网门户']) {
      const scope = folder.startsWith('00') ? '全部子项' : folder.slice(3);
      for (const stem of [
        `运维月报-2026年1月-${scope}`,
        `运维月报-2026年2月-${scope}`,
        `运维服务总结报告-2026年1月1日至2026年2月28日-${scope}`,
      ]) {
        expect(names).toContain(`${folder}/${stem}.docx`);
        expect(names).toContain(`${folder}/${stem}.pdf`);
      }
    }
    expect(names.filter((name) => name.endsWith('.pdf'))).toHaveLength(14 * 3);
    expect(names[0]).toBe('目录.docx');
  });

  it('embeds and subsets every font of its PDFs, with the report’s text in them', async () => {
    const file = await onDisk('05-网站群/运维月报-2026年2月-网站群.pdf');
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/^[A-Z]{6}\+\S+\s.*\s+yes\s+yes\s+(yes|no)\s+\d+\s+\d+$/);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('运维月报');
    expect(text).toContain('网站群');
    expect(text).toContain('本月共受理问题1个，已解决1个，解决率100.0%');
  });

  it('lists the PDFs in its contents', () => {
    const contents = strFromU8(
      unzipSync(files['目录.docx'] as Uint8Array)['word/document.xml'] as Uint8Array,
    );
    expect(contents).toContain('05-网站群/运维月报-2026年2月-网站群.pdf');
    expect(contents).toContain('网站群运维月报（2026年2月）（PDF）');
  });
});
