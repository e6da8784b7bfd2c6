import type { CodegenConfig } from '@graphql-codegen/cli';

// `npm run codegen` writes src/gql/ from ../schema.graphql and the `graphql()`
// documents in src/. `npm run codegen:check` sets CODEGEN_OUT to a scratch
// folder and compares it with src/gql/.
const out = process.env.CODEGEN_OUT ?? 'src/gql/';

const config: CodegenConfig = {
  schema: '../schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    [out]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { Date: 'string', DateTime: 'string', Decimal: 'string', ID: 'string' },
      },
    },
  },
};

export default config;
