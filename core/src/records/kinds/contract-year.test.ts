import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../time/shanghai-time';
import { contractYearOf } from './contract-year';

describe('contractYearOf', () => {
  it('is the Shanghai calendar year, even in the first hours of 1 January', () => {
    expect(contractYearOf(parseInstant('2027-01-01 00:30'))).toEqual({
      from: '2027-01-01',
      to: '2027-12-31',
      label: '2027 年度',
    });
    expect(contractYearOf(parseInstant('2026-12-31 23:59'))).toMatchObject({ from: '2026-01-01' });
  });
});
