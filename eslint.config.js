// One lint config for the whole monorepo (flat config). Workspaces run `eslint .` and
// ESLint finds this file by walking up from each linted file.
import js from '@eslint/js'
import astro from 'eslint-plugin-astro'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/.next/**',
      '**/dist/**',
      '**/.astro/**',
      '**/.turbo/**',
      '**/test-results/**',
      '**/playwright-report/**',
      'apps/cms/src/payload-types.ts',
      'apps/cms/src/migrations/**',
      'apps/cms/src/app/(payload)/**',
      '**/next-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The portal talks to the CMS only over REST: its code may borrow the CMS's types, never its
    // runtime (Payload, the database, secrets would end up in the portal's bundle). Under the
    // portal's verbatimModuleSyntax `import { type X }` still loads the module, hence the second rule.
    files: ['apps/portal/**/*.{ts,mjs,astro}'],
    rules: {
      '@typescript-eslint/no-import-type-side-effects': 'error',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@schoolpost/cms', '@schoolpost/cms/*'],
              message:
                'The portal never imports the CMS app: its contract is @schoolpost/contracts (issue #11).',
            },
          ],
        },
      ],
    },
  },
  {
    // The portal's one browser script (a conversation's live update), served as it is.
    files: ['apps/portal/public/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
)
