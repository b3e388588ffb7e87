// ESLint: a few rules that catch bugs and keep imports uniform; formatting is left to the authors.
// The TypeScript of apps, libs, scripts, bench and test is type-checked by the rules (projectService
// reads tsconfig.json); the plain-JS scripts get the core no-unused-vars only (@eslint/js is not a
// dependency). The browser console and deploy/ are not linted.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['console/**', 'deploy/**', 'dist/**', 'coverage/**', '.stack/**'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  {
    files: ['**/*.{js,cjs,mjs}'],
    rules: { 'no-unused-vars': ['error', { argsIgnorePattern: '^_' }] },
  },
  {
    files: ['{apps,libs,scripts,bench,test}/**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
);
