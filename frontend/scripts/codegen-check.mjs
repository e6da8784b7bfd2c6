// Fails when src/gql/ is not what `npm run codegen` would write now from
// ../schema.graphql and the documents in src/: regenerates into a scratch
// folder and compares file by file.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const committed = 'src/gql';
const scratch = mkdtempSync(join(tmpdir(), 'ponte-codegen-'));
try {
  execFileSync('npx', ['--no-install', 'graphql-codegen', '--config', 'codegen.ts', '--silent'], {
    stdio: 'inherit',
    env: { ...process.env, CODEGEN_OUT: `${scratch}/` },
  });
  const files = (dir) => (existsSync(dir) ? readdirSync(dir).sort() : []);
  const names = [...new Set([...files(committed), ...files(scratch)])].sort();
  const stale = names.filter((name) => {
    const a = join(committed, name);
    const b = join(scratch, name);
    return !existsSync(a) || !existsSync(b) || readFileSync(a, 'utf8') !== readFileSync(b, 'utf8');
  });
  if (stale.length > 0) {
    console.error(`codegen:check: src/gql is stale (${stale.join(', ')}): run \`npm run codegen\` and commit the result.`);
    process.exit(1);
  }
  console.log(`codegen:check: src/gql is up to date with ../schema.graphql (${names.length} files).`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
