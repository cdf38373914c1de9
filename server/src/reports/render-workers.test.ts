import { tmpdir } from 'node:os';
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
});
