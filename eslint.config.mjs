import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

/** lib/domain is pure TypeScript: no framework, database or server code (DESIGN.md, "Layout"). */
const domainBoundary = {
  files: ['lib/domain/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: ['next', 'next/*'], message: 'lib/domain is framework-free: no next imports.' },
          { group: ['react', 'react-dom', 'react/*'], message: 'lib/domain is framework-free: no react imports.' },
          { group: ['drizzle-orm', 'drizzle-orm/*'], message: 'lib/domain is database-free: map rows at the server edge.' },
          { group: ['@/db', '@/db/*', '**/db/*', '**/db'], message: 'lib/domain must not import db/.' },
          { group: ['@/lib/server', '@/lib/server/*', '**/lib/server/*'], message: 'lib/domain must not import lib/server.' },
          { group: ['server-only'], message: 'lib/domain is shared by client and server.' },
        ],
      },
    ],
    'no-restricted-properties': [
      'error',
      { object: 'process', property: 'env', message: 'Only lib/env.ts reads process.env.' },
    ],
  },
};

/** Components render; they reach the server only through actions passed in. */
const componentBoundary = {
  files: ['components/**/*.{ts,tsx}'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: ['@/db', '@/db/*'], message: 'Components have no database access.' },
          { group: ['@/lib/server', '@/lib/server/*'], message: 'Components call server actions passed as props.' },
        ],
      },
    ],
  },
};

const config = [
  { ignores: ['.next/**', '.next-*/**', 'test-results-*/**', 'node_modules/**', 'db/migrations/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
    },
  },
  domainBoundary,
  componentBoundary,
  {
    files: ['lib/domain/**/*.test.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
];

export default config;
