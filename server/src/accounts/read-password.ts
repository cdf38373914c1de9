import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

/** Where the CLI gets a password from: never the command line, where `ps` and shell history see it. */
export type PasswordReader = (options: { readonly fromStdin: boolean }) => Promise<string>;

/**
 * `--password-stdin`: the first line of standard input (for scripts: `echo … | yunwei user add …`).
 * Otherwise, on a terminal, a prompt that does not echo, asked twice.
 */
export const readPasswordFromProcess: PasswordReader = async ({ fromStdin }) => {
  if (fromStdin) return firstLine(await readAll(process.stdin));
  if (!process.stdin.isTTY) {
    throw new Error('标准输入不是终端：请用 --password-stdin 从标准输入提供密码（每次一行）');
  }
  const password = await promptHidden('新密码：');
  if ((await promptHidden('再次输入新密码：')) !== password) throw new Error('两次输入的密码不一致');
  return password;
};

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream)
    text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
  return text;
}

export function firstLine(text: string): string {
  const line = text.split(/\r?\n/, 1)[0] ?? '';
  if (line === '') throw new Error('标准输入中没有密码（应为第一行）');
  return line;
}

async function promptHidden(question: string): Promise<string> {
  process.stderr.write(question);
  // Everything readline would echo is dropped; only the prompt above reaches the terminal.
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const reader = createInterface({ input: process.stdin, output: silent, terminal: true });
  try {
    return await new Promise<string>((resolve) => reader.question('', resolve));
  } finally {
    reader.close();
    process.stderr.write('\n');
  }
}
