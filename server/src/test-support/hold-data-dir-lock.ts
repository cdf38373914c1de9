/**
 * A process that takes the data-directory lock and keeps it until it is killed, for the lock's tests.
 * Prints `locked <pid>` once it holds the lock, or `in-use` (exit 3) when another process does.
 */
import { DataDirInUseError, lockDataDir } from '../db/data-dir-lock';

const dataDir = process.argv[2];
if (dataDir === undefined) throw new Error('usage: hold-data-dir-lock.ts DATA_DIR');

try {
  await lockDataDir(dataDir);
  process.stdout.write(`locked ${process.pid}\n`);
  setInterval(() => undefined, 60_000);
} catch (error) {
  if (!(error instanceof DataDirInUseError)) throw error;
  process.stdout.write('in-use\n');
  process.exitCode = 3;
}
