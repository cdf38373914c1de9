import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { UsageError } from './cli-errors';
import { parseOptions } from './parse-options';

const USAGE = '用法：yunwei demo [--since TIME] [--json]';

/** What parseOptions throws for these arguments, as the CLI prints it. */
function refusal(args: string[], allowPositionals = true): { message: string; usage: string } {
  try {
    parseOptions(USAGE, () =>
      parseArgs({
        args,
        options: { since: { type: 'string' }, json: { type: 'boolean' } },
        strict: true,
        allowPositionals,
      }),
    );
  } catch (error) {
    if (error instanceof UsageError) return { message: error.message, usage: error.usage };
    throw error;
  }
  throw new Error(`expected ${args.join(' ')} to be refused`);
}

describe('parseOptions', () => {
  it('says in Chinese which option is unknown, with the usage', () => {
    expect(refusal(['--data', 'x'])).toEqual({
      message: '没有选项 --data（可用的选项见下面的用法）',
      usage: USAGE,
    });
    expect(refusal(['-q']).message).toBe('没有选项 -q（可用的选项见下面的用法）');
  });

  it('says in Chinese which option lacks a value, takes none, or has one that looks like an option', () => {
    expect(refusal(['--since']).message).toBe('选项 --since 后面缺少取值');
    expect(refusal(['--json=yes']).message).toBe('选项 --json 不带取值');
    expect(refusal(['--since', '-1d']).message).toBe(
      '选项 --since 的取值以“-”开头，容易被当成另一个选项；如确是取值，请写成 --since=取值',
    );
  });

  it('names an argument the command does not take', () => {
    expect(refusal(['extra'], false).message).toBe('多余的参数：extra');
  });

  it('never passes on English from node:util', () => {
    for (const args of [['--data'], ['--since'], ['--json=1'], ['--since', '-x'], ['-q']]) {
      const withoutOptionNames = refusal(args).message.replace(/-{1,2}[a-z][a-z-]*/g, '');
      expect(withoutOptionNames).not.toMatch(/[A-Za-z]/);
    }
  });
});
