import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');
const FIXTURES = join(import.meta.dirname, 'fixtures');
const CRUISER = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');

interface CruiseOutcome {
  exitCode: number;
  violations: string[];
}

/** Runs the same dependency-cruiser config CI runs, from inside a fixture tree. */
async function cruise(fixture: string): Promise<CruiseOutcome> {
  const cwd = join(FIXTURES, fixture);
  const parts = readdirSync(cwd).filter((entry) => !entry.endsWith('.json'));
  const args = [CRUISER, '--config', CONFIG, '--output-type', 'err', ...parts];
  try {
    const { stdout } = await run(process.execPath, args, { cwd });
    return { exitCode: 0, violations: ruleNames(stdout) };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string };
    return { exitCode: failure.code ?? -1, violations: ruleNames(failure.stdout ?? '') };
  }
}

/** The `err` reporter prints one `error <rule>: <from> → <to>` line per violation. */
function ruleNames(report: string): string[] {
  return [...report.matchAll(/^\s*error ([\w-]+):/gm)].map((match) => match[1] as string);
}

describe('the layering rules fail the build when broken', () => {
  const broken = readdirSync(FIXTURES).filter((name) => name !== 'clean');

  it('has a fixture for every rule that guards a boundary', () => {
    expect(broken.sort()).toEqual([
      'core-has-no-node-builtins',
      'core-imports-react',
      'core-is-pure',
      'nothing-imports-e2e-or-bench',
      'preload-only-uses-host-contract',
      'renderer-only-uses-core',
      'server-only-uses-core',
    ]);
  });

  for (const fixture of broken) {
    it(`rejects ${fixture}`, async () => {
      const outcome = await cruise(fixture);
      const expectedRule = fixture === 'core-imports-react' ? 'core-is-pure' : fixture;
      expect(outcome.exitCode).not.toBe(0);
      expect(outcome.violations).toContain(expectedRule);
    });
  }

  it('accepts a tree that keeps the rules', async () => {
    expect(await cruise('clean')).toEqual({ exitCode: 0, violations: [] });
  });
});
