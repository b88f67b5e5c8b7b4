import js from '@eslint/js'
import tseslint from 'typescript-eslint'

// Process boundaries are enforced here rather than in review: the core is plain Node and must never
// import Electron, and the renderer reaches the core only through the bridge contract.
export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-output/**', 'coverage/**', '.scratch/**', 'test/server/.tmp-out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error'
    }
  },
  {
    files: ['src-main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'src-main/core is plain Node: pass Electron things in from src-main/shell.' }],
          patterns: [
            { group: ['electron/*'], message: 'src-main/core is plain Node.' },
            { group: ['**/shell/**', '**/server/**'], message: 'The core must not depend on a shell.' }
          ]
        }
      ]
    }
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to the core only through the bridge.' }],
          patterns: [
            { group: ['**/src-main/**', '**/src-main'], message: 'The renderer reaches the core only through the bridge contract (src-preload/contract.ts).' },
            { group: ['node:*'], message: 'The renderer runs in a sandboxed browser context.' }
          ]
        }
      ]
    }
  },
  {
    files: ['src-main/launcher/**/*.mjs', 'src-main/build/**/*.mjs', 'test/bench-ui/**/*.mjs', 'resources/**/*.mjs', '*.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } }
  }
)
