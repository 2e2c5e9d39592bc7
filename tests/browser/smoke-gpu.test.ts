/**
 * `npm run smoke:gpu` on a machine without a hardware GPU (this one): it
 * opens the system Chromium with the real-GPU flags, finds no hardware
 * adapter (none at all, or SwiftShader), says so and exits 2, without
 * building, downloading or writing anything.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

function runSmoke(args: string[], cwd: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
    const child = spawn(tsx, [join(process.cwd(), 'bench', 'smoke-gpu.ts'), ...args], { cwd });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe('smoke:gpu without a hardware GPU', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('says there is no hardware adapter and exits 2, having built and written nothing', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'smoke-cwd-'));
    const profile = await mkdtemp(join(tmpdir(), 'smoke-profile-'));
    dirs.push(cwd, profile);
    const { code, out } = await runSmoke(
      ['--model', 'SmolLM2-135M-Instruct-q0f32-MLC', '--profile', profile],
      cwd,
    );
    expect(code, out).toBe(2);
    expect(out).toMatch(/No WebGPU adapter|SwiftShader|fallback \(software\) adapter/);
    expect(out).toContain('nothing was built, downloaded or measured');
    expect(out).not.toContain('building the smoke page');
    expect(await readdir(cwd)).toEqual([]);
  });

  it('with --speed, also says so and exits 2, measuring nothing', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'smoke-cwd-'));
    const profile = await mkdtemp(join(tmpdir(), 'smoke-profile-'));
    dirs.push(cwd, profile);
    const { code, out } = await runSmoke(
      ['--model', 'SmolLM2-135M-Instruct-q0f32-MLC', '--profile', profile, '--speed'],
      cwd,
    );
    expect(code, out).toBe(2);
    expect(out).toContain('nothing was built, downloaded or measured');
    expect(out).not.toContain('building the app for the speed lab');
    expect(await readdir(cwd)).toEqual([]);
  });

  it('refuses bad arguments with the usage, before opening a browser', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'smoke-cwd-'));
    dirs.push(cwd);
    const { code, out } = await runSmoke(['--items', '5'], cwd);
    expect(code).toBe(1);
    expect(out).toContain('Name the model with --model <model id>.');
    expect(out).toContain('Usage: npm run smoke:gpu');
  });
});
