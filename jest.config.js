/** Jest runs TypeScript through SWC (type-checking is `npm run typecheck`, with tsc). */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      target: 'es2022',
      transform: { react: { runtime: 'automatic', importSource: 'preact' } },
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc, '^.+\\.mjs$': swc },
  // ESM-only packages that tests import must be transformed too.
  transformIgnorePatterns: [
    '/node_modules/(?!(preact|@testing-library/preact|vega-lite|vega-util|vega-.*|d3-.*|internmap|delaunator|robust-predicates|fast-check|pure-rand)/)',
  ],
  moduleNameMapper: {
    '\\.css$': '<rootDir>/tests/support/style-stub.js',
  },
  testMatch: ['<rootDir>/tests/**/*.test.ts', '<rootDir>/tests/**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/tests/browser/'],
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  testTimeout: 30000,
};
