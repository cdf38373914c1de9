import { tmpdir } from 'node:os';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReportDocument } from '@core/reports';
import { startRenderWorkers } from './render-workers';

const ledger = {
  title: '问题处理记录台账',
  columns: [{ header: '序号', width: 4 }],
  rows: [['1']],
  emptyText: '无',
};

describe('the render workers', () => {
  const home = process.cwd();
  afterEach(() => process.chdir(home));

  it('start from any working directory, as a service started elsewhere runs them', async () => {
    process.chdir(tmpdir());
    const renderer = startRenderWorkers(1, { inThread: false });
    try {
      const [xlsx] = await renderer.render({ kind: 'ledgers', ledgers: [ledger], subtitle: '2026年2月' });
      expect(String.fromCharCode(...(xlsx ?? []).slice(0, 2))).toBe('PK');
    } finally {
      await renderer.close();
    }
  }, 60_000);

  it('give a job’s failure to its caller and go on with the next job', async () => {
    const renderer = startRenderWorkers(1, { inThread: false });
    try {
      const broken = renderer.render({
        kind: 'document',
        formats: ['docx'],
        document: null as unknown as ReportDocument,
      });
      await expect(broken).rejects.toThrow();
      const [xlsx] = await renderer.render({ kind: 'ledgers', ledgers: [ledger], subtitle: '2026年2月' });
      expect(xlsx?.length).toBeGreaterThan(0);
    } finally {
      await renderer.close();
    }
  }, 60_000);

  it('answer each of many jobs sent at once with its own files, a failed one among them', async () => {
    const renderer = startRenderWorkers(1, { inThread: false });
    try {
      const subtitles = ['2026年1月', '2026年2月', '2026年3月', '2026年4月', '2026年5月'];
      const jobs = subtitles.map((subtitle, index) =>
        index === 2
          ? renderer.render({
              kind: 'document',
              formats: ['docx'],
              document: null as unknown as ReportDocument,
            })
          : renderer.render({ kind: 'ledgers', ledgers: [ledger], subtitle }),
      );
      const results = await Promise.allSettled(jobs);
      expect(results.map((result) => result.status)).toEqual([
        'fulfilled',
        'fulfilled',
        'rejected',
        'fulfilled',
        'fulfilled',
      ]);
      for (const [index, result] of results.entries()) {
        if (result.status !== 'fulfilled') continue;
        const sheet = strFromU8(
          unzipSync(result.value[0] ?? new Uint8Array())['xl/sharedStrings.xml'] ?? new Uint8Array(),
        );
        expect(sheet).toContain(subtitles[index]);
      }
    } finally {
      await renderer.close();
    }
  }, 60_000);
});
