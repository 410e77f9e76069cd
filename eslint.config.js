// Lint rules that enforce DESIGN.md's layers and the engine's purity.
// dependency-cruiser checks the import graph; these rules catch ambient
// time, chance and UI imports inside the engine as they are typed.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'

const AMBIENT = [
  { name: 'Date', message: 'The engine reads time only from its VirtualClock.' },
  { name: 'performance', message: 'The engine reads time only from its VirtualClock.' },
  { name: 'setTimeout', message: 'Schedule on the VirtualClock.' },
  { name: 'setInterval', message: 'Schedule on the VirtualClock.' },
  { name: 'setImmediate', message: 'The engine is driven from outside (src/engine/driver.ts).' },
  { name: 'crypto', message: 'Randomness comes from the seeded Prng.' },
  { name: 'window', message: 'The engine has no DOM.' },
  { name: 'document', message: 'The engine has no DOM.' },
  { name: 'self', message: 'The engine runs in Node and in the worker alike.' },
]

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    files: ['src/engine/**/*.ts', 'src/lib/**/*.ts', 'src/protocol/**/*.ts'],
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': ['error', ...AMBIENT],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Use the seeded Prng.' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react/*', '@xyflow/*', '@xterm/*', 'zustand', 'zustand/*'], message: 'The engine has no UI.' },
            { group: ['node:*'], message: 'The engine runs in a browser worker too.' },
          ],
          paths: ['fs', 'path', 'os', 'child_process', 'worker_threads'].map((name) => ({ name, message: 'The engine runs in a browser worker too.' })),
        },
      ],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/store/**/*.ts', 'src/main.tsx', 'src/worker/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
  },
  {
    files: ['src/cli/**/*.ts', 'src/testing/**/*.ts', 'bench/**/*.ts', 'e2e/**/*.ts', 'scripts/**/*.{js,mjs,ts}', '**/*.test.ts', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
)
