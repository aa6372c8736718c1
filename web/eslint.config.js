import pluginVue from 'eslint-plugin-vue'
import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript'
import skipFormatting from '@vue/eslint-config-prettier/skip-formatting'

const NO_EXTERNAL_URLS = [
  {
    selector: 'Literal[value=/^https?:\\/\\/(?!127\\.0\\.0\\.1|localhost)/]',
    message: 'No external URLs: the app runs on an isolated network.',
  },
]

const CALENDAR = 'China time goes through utils/calendar.ts'
const ONE_CLOCK = [
  { object: 'Date', property: 'now', message: 'Use serverNow() or useNow(): the server’s clock.' },
  { object: 'Date', property: 'parse', message: `${CALENDAR} (parseDay, parseDateTime).` },
  { object: 'Intl', property: 'DateTimeFormat', message: `${CALENDAR}.` },
]
// Date's methods that read or write the browser's own zone (matched on any object).
const LOCAL_CALENDAR = [
  'getFullYear',
  'getYear',
  'getMonth',
  'getDate',
  'getDay',
  'getHours',
  'getMinutes',
  'getSeconds',
  'getMilliseconds',
  'getTimezoneOffset',
  'setFullYear',
  'setYear',
  'setMonth',
  'setDate',
  'setHours',
  'setMinutes',
  'setSeconds',
  'setMilliseconds',
  'toDateString',
  'toTimeString',
  'toLocaleDateString',
  'toLocaleTimeString',
].map((property) => ({ property, message: `Local calendar: ${CALENDAR}.` }))
const LOCAL_DATES = [
  {
    // new Date(y, m, d…) is local wall time; new Date() is the browser's clock.
    selector: "NewExpression[callee.name='Date'][arguments.length!=1]",
    message: `Local wall time or the browser's clock: ${CALENDAR}, serverNow() for now.`,
  },
  {
    selector: "CallExpression[callee.property.name='toLocaleString'][arguments.length=0]",
    message: `The browser's zone and language: ${CALENDAR}; numbers: utils/format.ts.`,
  },
]

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
    rules: { 'no-restricted-syntax': ['error', ...NO_EXTERNAL_URLS] },
  },
  {
    // One calendar (China time) and one clock (the server's): only utils/calendar.ts may use the
    // browser's local calendar, only utils/serverTime.ts may read the browser's clock.
    name: 'anlan/one-calendar',
    files: ['src/**/*.{ts,vue}', 'tests/**/*.ts'],
    ignores: ['src/utils/calendar.ts', 'src/utils/serverTime.ts'],
    rules: {
      'no-restricted-properties': ['error', ...ONE_CLOCK, ...LOCAL_CALENDAR],
      'no-restricted-syntax': ['error', ...LOCAL_DATES],
    },
  },
  {
    // The same in templates.
    name: 'anlan/one-calendar-templates',
    files: ['src/**/*.vue'],
    rules: {
      'vue/no-restricted-syntax': [
        'error',
        ...LOCAL_DATES,
        {
          selector: `MemberExpression[object.name='Date'][property.name=/^(now|parse)$/]`,
          message: `Use serverNow() or useNow(); ${CALENDAR}.`,
        },
        {
          selector: `MemberExpression[property.name=/^(${LOCAL_CALENDAR.map((r) => r.property).join('|')})$/]`,
          message: `Local calendar: ${CALENDAR}.`,
        },
      ],
    },
  },
  {
    name: 'anlan/one-calendar-and-no-external-urls',
    files: ['src/**/*.{ts,vue}'],
    ignores: ['src/utils/calendar.ts', 'src/utils/serverTime.ts'],
    rules: { 'no-restricted-syntax': ['error', ...NO_EXTERNAL_URLS, ...LOCAL_DATES] },
  },
)
