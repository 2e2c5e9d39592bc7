/** Runs `floorcheck ARGS` in-process with fake streams, as the shell would. */
import { PassThrough } from 'node:stream';
import { main } from '../../../bin/cli';

export async function floorcheck(args: string[], stdinText: string | Uint8Array = '') {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const errs: string[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => errs.push(c.toString()));
  stdin.end(stdinText);
  const code = await main(args, { stdin, stdout, stderr });
  const bytes = new Uint8Array(Buffer.concat(out));
  return { code, stdout: Buffer.from(bytes).toString('utf8'), stdoutBytes: bytes, stderr: errs.join('') };
}
