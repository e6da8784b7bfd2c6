// @vitest-environment node
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { personName } from './names';

describe('one name order per context', () => {
  const bruna = { givenName: 'Bruna', familyName: 'Morandini' };

  it('writes "Cognome Nome" in lists and tables', () => {
    expect(personName(bruna, 'list')).toBe('Morandini Bruna');
  });

  it('writes "Nome Cognome" in running text and headings', () => {
    expect(personName(bruna, 'text')).toBe('Bruna Morandini');
  });

  it('is the only place that joins a given name and a family name', () => {
    const root = new URL('..', import.meta.url).pathname;
    const sources = (dir: string): string[] =>
      readdirSync(dir).flatMap((entry) => {
        const path = join(dir, entry);
        if (statSync(path).isDirectory()) return entry === 'gql' ? [] : sources(path);
        return /\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry) && !path.endsWith(join('i18n', 'names.ts')) ? [path] : [];
      });
    // `${x.givenName} ${x.familyName}`, `{x.familyName} {x.givenName}` and the like.
    const joined = /\$?\{[\w.?]*(givenName|familyName)\}\s+\$?\{[\w.?]*(givenName|familyName)\}/;
    const offenders = sources(root).filter((path) => joined.test(readFileSync(path, 'utf8')));
    expect(offenders.map((path) => path.slice(root.length))).toEqual([]);
  });
});
