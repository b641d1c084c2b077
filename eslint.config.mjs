// ESLint (flat config): ESLint's and typescript-eslint's recommended rules (syntactic ones:
// no type information needed, so it stays fast), and rules on the disable comments.
// `npm run lint` runs it, then `prettier --check .`: formatting is Prettier's job, not ESLint's.
import js from '@eslint/js';
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    // Built, installed or generated (npm run generate:schema writes src/documents/generated/).
    ignores: ['dist/', 'out/', 'node_modules/', '.vscode-test/', 'test-results/', 'src/documents/generated/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  comments.recommended,
  {
    linterOptions: {
      // A disable comment that no longer silences anything is reported.
      reportUnusedDisableDirectives: 'error',
    },
    languageOptions: {
      // The extension runs in VS Code's Node.js extension host; scripts, benchmarks and tests in Node.js.
      globals: { ...globals.node },
    },
    rules: {
      // `_`-prefixed names are deliberately unused (a callback's leading parameters, a destructured rest).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // Stays an error. Where `any` is really needed, say why:
      // `// eslint-disable-next-line @typescript-eslint/no-explicit-any -- <reason>`.
      '@typescript-eslint/no-explicit-any': 'error',
      // Every disable comment names its rules and gives its reason after `--`.
      '@eslint-community/eslint-comments/require-description': 'error',
      // A file-wide `/* eslint-disable rule -- reason */` at the top is fine without a matching enable.
      '@eslint-community/eslint-comments/disable-enable-pair': ['error', { allowWholeFile: true }],
      // Literal spaces in the tests' regular expressions match rendered JSON indentation: clearer than ` {4}`.
      'no-regex-spaces': 'off',
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
