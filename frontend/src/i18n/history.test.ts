// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { enumLabels } from './enums';

/**
 * A project's history is written by the server (`project_history` events,
 * e.g. "Stato: da Erogazione a Verifica", "Budget condiviso da … : condiviso
 * da tutte le parti"); its words come from the domain's `label_it`. They must
 * be the words the screens show for the same values, or the history says
 * "Budget approvato" where the page says "Condivisione".
 */
const domain = new URL('../../../domain/src/', import.meta.url);
const rust = readdirSync(domain)
  .filter((file) => file.endsWith('.rs'))
  .map((file) => readFileSync(new URL(file, domain), 'utf8'))
  .join('\n');

/** The `label_it` of `impl <name>` in the domain, by value as the schema spells it (`PARTLY_ACHIEVED`). */
function serverLabels(name: string): Record<string, string> {
  const start = rust.indexOf(`impl ${name} {`);
  expect(start, `impl ${name} with a label_it in domain/src`).toBeGreaterThanOrEqual(0);
  const block = rust.slice(start, rust.indexOf('\n}\n', start));
  const labels: Record<string, string> = {};
  for (const [, variant, label] of block.matchAll(/\w+::(\w+) => "([^"]*)"/g)) {
    labels[variant.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()] = label;
  }
  return labels;
}

/** The same word at the start of a line or inside a sentence. */
const capitalized = (labels: Record<string, string>) =>
  Object.fromEntries(Object.entries(labels).map(([value, label]) => [value, label.charAt(0).toUpperCase() + label.slice(1)]));

describe('the project history speaks with the screens’ words', () => {
  it.each(['ProjectStatus', 'BudgetAgreementStatus', 'IntegratedPart', 'ServiceKind'])('%s', (name) => {
    // ALTRO: the former spelling of OTHER, never written by the server.
    const spa = Object.fromEntries(Object.entries(enumLabels[name]).filter(([value]) => value !== 'ALTRO'));
    expect(capitalized(serverLabels(name))).toEqual(capitalized(spa));
  });
});
