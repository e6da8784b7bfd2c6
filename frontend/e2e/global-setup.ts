/**
 * Starts the real Ponte for the end-to-end run: the binary directly (so it
 * can be killed), a fresh SQLite database in a temporary folder, the demo data
 * (`ponte seed-demo`), the built SPA from dist/ and a free port on 127.0.0.1.
 *
 * The binary: $PONTE_BIN, else $CARGO_TARGET_DIR/debug/ponte (relative to the
 * repository root, as cargo reads it), else ../target/debug/ponte.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const frontend = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repository = resolve(frontend, '..');
export const artifacts = join(frontend, 'e2e-artifacts');

function ponteBinary(): string {
  if (process.env.PONTE_BIN) return resolve(frontend, process.env.PONTE_BIN);
  if (process.env.CARGO_TARGET_DIR) return resolve(repository, process.env.CARGO_TARGET_DIR, 'debug', 'ponte');
  return join(repository, 'target', 'debug', 'ponte');
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface RunningPonte {
  baseUrl: string;
  stop: () => Promise<void>;
}

/**
 * Starts a Ponte of its own: a fresh SQLite database with the demo data in a
 * temporary folder, the built SPA, a free port; `env` adds or overrides
 * variables (a spec that needs a short idle timeout starts a second one).
 * `logName` names its log in e2e-artifacts/.
 */
export async function startPonte(env: Record<string, string> = {}, logName = 'ponte-server'): Promise<RunningPonte> {
  const binary = ponteBinary();
  // The binary may be in the middle of being relinked by cargo: give it a moment.
  for (let i = 0; i < 20 && !existsSync(binary); i += 1) await sleep(500);
  if (!existsSync(binary)) {
    throw new Error(`Ponte server binary not found at ${binary}. Build it first (cargo build -p ponte-server) or set PONTE_BIN.`);
  }
  const staticDir = join(frontend, 'dist');
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new Error(`No built SPA in ${staticDir}: run \`npm run build\` first.`);
  }

  mkdirSync(artifacts, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'ponte-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const fullEnv = {
    ...process.env,
    PONTE_DATABASE_URL: `sqlite://${join(work, 'ponte.db')}?mode=rwc`,
    PONTE_BIND: `127.0.0.1:${port}`,
    PONTE_PUBLIC_URL: baseUrl,
    PONTE_STATIC_DIR: staticDir,
    PONTE_DATA_DIR: join(work, 'data'),
    PONTE_GRAPHIQL: 'false',
    PONTE_LOG_FORMAT: 'pretty',
    NO_COLOR: '1',
    ...env,
  };
  const logPath = join(artifacts, `${logName}.log`);

  const seed = spawnSync(binary, ['seed-demo'], { env: fullEnv, encoding: 'utf8', timeout: 60_000 });
  if (seed.status !== 0) {
    throw new Error(`ponte seed-demo failed (exit ${seed.status}):\n${seed.stderr}\n${seed.stdout}`);
  }

  const log = openSync(logPath, 'w');
  const server = spawn(binary, ['serve'], { env: fullEnv, stdio: ['ignore', log, log] });
  let exited: number | null | undefined;
  server.on('exit', (code) => {
    exited = code;
  });

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited !== undefined) {
      throw new Error(`ponte serve exited with ${exited} before it was ready:\n${readFileSync(logPath, 'utf8').slice(-4000)}`);
    }
    try {
      const response = await fetch(`${baseUrl}/readyz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      server.kill('SIGKILL');
      throw new Error(`ponte serve did not become ready on ${baseUrl} within 30 s (log: ${logPath})`);
    }
    await sleep(200);
  }
  console.log(`Ponte ${binary} serving ${staticDir} on ${baseUrl} (log: ${logPath})`);

  const stop = async () => {
    if (exited === undefined) {
      const stopped = new Promise<void>((done) => server.once('exit', () => done()));
      server.kill('SIGTERM');
      const timer = setTimeout(() => server.kill('SIGKILL'), 5_000);
      await stopped;
      clearTimeout(timer);
    }
    rmSync(work, { recursive: true, force: true });
  };
  return { baseUrl, stop };
}

export default async function globalSetup() {
  const ponte = await startPonte();
  process.env.PONTE_E2E_BASE_URL = ponte.baseUrl;
  return ponte.stop;
}
