import { describe, expect, it } from 'vitest';
import { checkNoticeForm, checkNoticeText, defaultNoticeTitle, statutoryDraft } from './notice-draft';

const base = { year: 2027, notice: defaultNoticeTitle(2027), source: '国办发明电〔2026〕1号' };

describe('the notice form', () => {
  it('drafts the statutory days, which already make a valid notice', () => {
    const rows = statutoryDraft(2027);
    expect(rows[1]).toEqual({ name: '春节', from: '2027-02-05', to: '2027-02-08', adjustedWorkdays: '' });
    expect(checkNoticeForm({ ...base, rows }).ok).toBe(true);
  });

  it('reads 调休 days separated by 、 or commas, and an empty end as a one-day holiday', () => {
    const rows = statutoryDraft(2027).map((row) =>
      row.name === '劳动节' ? { ...row, to: '2027-05-05', adjustedWorkdays: '2027-04-25、2027-05-08' } : row,
    );
    const result = checkNoticeForm({
      ...base,
      rows: rows.map((row, index) => (index === 0 ? { ...row, to: '' } : row)),
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.notice.holidays[3]?.adjustedWorkdays).toEqual(['2027-04-25', '2027-05-08']);
    expect(result.notice.holidays[0]?.to).toBe('2027-01-01');
  });

  it('says where a problem is in the words of the form', () => {
    const rows = statutoryDraft(2027).map((row) =>
      row.name === '劳动节' ? { ...row, adjustedWorkdays: '2027-04-26' } : row,
    );
    const result = checkNoticeForm({ ...base, rows: rows.filter((row) => row.name !== '端午节') });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toContainEqual({
      path: '第 4 行（劳动节）的调休上班日',
      message: expect.stringContaining('星期一'),
    });
    expect(result.issues).toContainEqual({ path: '整份安排', message: expect.stringContaining('端午节') });
  });

  it('asks for pasted text when there is none', () => {
    expect(checkNoticeText('  ')).toEqual({
      ok: false,
      issues: [{ path: '粘贴内容', message: '请粘贴节假日安排的数据' }],
    });
  });
});
