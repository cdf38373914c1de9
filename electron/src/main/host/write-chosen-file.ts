import { writeFile } from 'node:fs/promises';

export async function writeChosenFile(filePath: string, data: Uint8Array | string): Promise<void> {
  try {
    await writeFile(filePath, data);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`无法写入文件 ${filePath}：${reason}`, { cause: error });
  }
}
