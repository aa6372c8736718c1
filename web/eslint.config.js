import pluginVue from 'eslint-plugin-vue'
import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript'
import skipFormatting from '@vue/eslint-config-prettier/skip-formatting'

export default defineConfigWithVueTs(
  { name: 'anlan/files', files: ['**/*.{ts,mts,tsx,vue}'] },
  { name: 'anlan/ignores', ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  pluginVue.configs['flat/recommended'],
  vueTsConfigs.recommended,
  skipFormatting,
  {
    name: 'anlan/rules',
    rules: {
      'vue/multi-word-component-names': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The shipped app runs on an isolated network (tests may name outside URLs to refuse them).
    name: 'anlan/no-external-urls',
    files: ['src/**/*.{ts,vue}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Literal[value=/^https?:\\/\\/(?!127\\.0\\.0\\.1|localhost)/]',
          message: 'No external URLs: the app runs on an isolated network.',
        },
      ],
    },
  },
)
