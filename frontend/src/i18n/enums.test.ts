// @vitest-environment node
import { readFileSync } from 'node:fs';
import { buildSchema, GraphQLEnumType, isEnumType } from 'graphql';
import { enumLabels, formerSpellings, labelOptions } from './enums';

const sdl = readFileSync(new URL('../../../schema.graphql', import.meta.url), 'utf8');
const schema = buildSchema(sdl);
const enums = Object.values(schema.getTypeMap()).filter((type): type is GraphQLEnumType => isEnumType(type) && !type.name.startsWith('__'));

describe('Italian labels for the enums of schema.graphql', () => {
  it('finds the enums of the contract', () => {
    expect(enums.map((e) => e.name)).toEqual(expect.arrayContaining(['Role', 'Profession', 'OrganizationKind']));
  });

  it.each(enums.map((e) => [e.name, e] as const))('labels every value of %s', (name, type) => {
    const labels = enumLabels[name];
    expect(labels, `add Italian labels for enum ${name} to src/i18n/enums.ts`).toBeDefined();
    const values = type
      .getValues()
      .map((v) => v.name)
      .sort();
    expect(Object.keys(labels).sort()).toEqual(values);
    for (const value of values) expect(labels[value].trim(), `${name}.${value}`).not.toBe('');
  });

  it('knows the former spellings the schema keeps for one release, and never offers them', () => {
    const deprecated = enums.flatMap((e) =>
      e
        .getValues()
        .filter((v) => v.deprecationReason != null)
        .map((v) => v.name),
    );
    expect([...new Set(deprecated)].sort()).toEqual([...formerSpellings].sort());
    for (const labels of Object.values(enumLabels)) {
      for (const [value] of labelOptions(labels)) expect(formerSpellings.has(value), value).toBe(false);
    }
  });

  it('gives different labels to different values', () => {
    for (const [name, labels] of Object.entries(enumLabels)) {
      const texts = Object.values(labels);
      expect(new Set(texts).size, name).toBe(texts.length);
    }
  });
});
