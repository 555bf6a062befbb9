// Small helpers shared by the project's scripts (no dependencies beyond Node).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Runs a command with inherited output; throws with a clear message when it fails. */
export function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (res.error) throw new Error(`${cmd} could not start: ${res.error.message}`);
  if (res.status !== 0) {
    const err = new Error(`${cmd} ${args.join(' ')} exited with ${res.status}`);
    err.status = res.status;
    throw err;
  }
  return res;
}

/** Runs a command and returns its stdout (and status), never throwing. */
export function capture(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { encoding: 'utf8', cwd: root, ...opts });
  return { ok: !res.error && res.status === 0, stdout: res.stdout ?? '', stderr: res.stderr ?? '', status: res.status };
}

export function log(msg) {
  process.stderr.write(`[mailports] ${msg}\n`);
}
