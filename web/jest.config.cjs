// Web tests: `unit` (pure data shaping and formatting) and `browser` (the built dashboard served
// by the real server with its embedded PostgreSQL, driven in Debian's chromium by playwright-core).
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022', transform: { react: { runtime: 'automatic' } } }, module: { type: 'commonjs' } }];
module.exports = {
  testTimeout: 120000,
  projects: [
    { displayName: 'unit', testEnvironment: 'node', testMatch: ['<rootDir>/src/**/*.spec.ts'], transform: { '^.+\\.(t|j)sx?$': swc } },
    { displayName: 'browser', testEnvironment: 'node', testMatch: ['<rootDir>/test/**/*.browser-spec.ts'], transform: { '^.+\\.(t|j)sx?$': swc } },
  ],
};
