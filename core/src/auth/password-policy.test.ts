import { describe, expect, it } from 'vitest';
import { checkPassword, passwordClasses } from './password-policy';

describe('checkPassword', () => {
  it.each(['Abcdef12', 'abcdef1!', 'ABCDEF1!', 'Abcdefg!', '运维台Abc12', 'p@ss word 9'])(
    'accepts %j',
    (password) => {
      expect(checkPassword(password)).toEqual({ ok: true });
    },
  );

  it('refuses fewer than 8 characters, counting characters rather than UTF-16 units', () => {
    expect(checkPassword('Ab1!xyz')).toEqual({ ok: false, reason: '密码至少需要 8 个字符（当前 7 个）' });
    expect(checkPassword('运维台运维台A1')).toEqual({ ok: true });
    expect(checkPassword('😀😀😀Ab1')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('当前 6 个'),
    });
  });

  it('names the classes present when fewer than 3 are used', () => {
    expect(checkPassword('abcdefgh1')).toEqual({
      ok: false,
      reason: '密码须包含大写字母、小写字母、数字、符号中的至少 3 类（当前只有：小写字母、数字）',
    });
    expect(checkPassword('ABCDEFGH')).toMatchObject({
      reason: expect.stringContaining('当前只有：大写字母'),
    });
  });

  it('refuses overlong passwords, edge spaces and the login name inside', () => {
    expect(checkPassword(`Aa1${'x'.repeat(126)}`)).toEqual({ ok: false, reason: '密码不能超过 128 个字符' });
    expect(checkPassword(' Abcdef12')).toEqual({ ok: false, reason: '密码的开头和结尾不能是空格' });
    expect(checkPassword('Zhangsan2026', { loginName: 'zhangsan' })).toEqual({
      ok: false,
      reason: '密码不能包含用户名',
    });
    expect(checkPassword('Zhangsan2026', { loginName: 'lisi' })).toEqual({ ok: true });
  });

  it('counts every non-alphanumeric character as a symbol', () => {
    expect([...passwordClasses('a运')].sort()).toEqual(['lower', 'symbol']);
  });
});
