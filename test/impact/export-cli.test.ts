/** `npm run export`: the real entry point on an empty embedded database, its checks and its file. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const dataDir = mkdtempSync(path.join(tmpdir(), 'goesting-export-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', tsx, path.join(root, 'src/cli/export.ts'), ...args], { cwd: dataDir, env: { PATH: process.env.PATH, DATA_DIR: dataDir } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run export', () => {
  it('refuses what it cannot read with one line, and writes the header to the file', async () => {
    expect((await cli()).code).toBe(2);
    expect(await cli('--from', '2026-13', '--to', '2026-12')).toMatchObject({ code: 1, stderr: '--from 2026-13 is not valid: expected a month like 2026-01\n' });
    expect(await cli('--from', '2026-12', '--to', '2026-01')).toMatchObject({ code: 1, stderr: '--from 2026-12 is after --to 2026-01\n' });
    expect(await cli('--from', '2026-01', '--to', '2026-12', '--place', 'gent')).toMatchObject({ code: 1, stderr: 'unknown place gent: there are no places yet (npm run admin -- place add)\n' });
    const out = path.join(dataDir, 'impact.csv');
    expect(await cli('--from', '2026-01', '--to', '2026-12', '--out', out)).toMatchObject({ code: 0, stdout: '' });
    expect(readFileSync(out, 'utf8')).toMatch(/^place,month,joined,profile_confirmed,.*,forgotten\r\n$/);
  }, 90_000);
});
