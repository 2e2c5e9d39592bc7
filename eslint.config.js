import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'dev-dist/', 'coverage/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Flags every local URLSearchParams/Map used as a temporary, not only reactive state.
      'svelte/prefer-svelte-reactivity': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        parser: ts.parser,
        svelteConfig,
      },
    },
  },
  {
    // The domain stays pure: no UI, no storage, no worker plumbing, no engine.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['svelte', 'svelte/*'], message: 'src/core is plain TypeScript: no Svelte.' },
            { group: ['idb', 'fake-indexeddb*'], message: 'Only src/storage knows IndexedDB.' },
            { group: ['comlink'], message: 'Only src/engine and workers/ know comlink.' },
            { group: ['@mlc-ai/web-llm'], message: 'web-llm lives only in workers/.' },
            {
              group: ['**/storage/*', '**/state/*', '**/views/*', '**/components/*'],
              message: 'src/core depends on nothing above it.',
            },
            {
              // src/core/engine/ is the engine contract; src/engine/ is the page's worker client.
              group: ['../../engine/*', '../../../engine/*'],
              message: 'src/core depends on nothing above it (the contract is src/core/engine/).',
            },
            {
              group: ['**/workers/*', '**/workers/**'],
              message: 'src/core imports nothing from workers/: the engine contract is in src/core/engine/.',
            },
          ],
        },
      ],
    },
  },
  {
    // web-llm is not tree-shaken: importing it in the page adds ~2 MB gzip.
    files: ['src/**/*.ts', 'src/**/*.svelte'],
    ignores: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@mlc-ai/web-llm'], message: 'web-llm lives only in workers/.' }] },
      ],
    },
  },
);
