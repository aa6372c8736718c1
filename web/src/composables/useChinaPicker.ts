// What DateField and DateRangeField hand to el-date-picker: the value-format of China wall-time
// strings, the China days that cannot be picked, where an empty picker opens, and which day cell
// is today (all in China; Element Plus's own "today" is the browser's, unmarked by the
// .china-picker popper class in styles/main.css), and which cells are refused as too early
// (refused-early) or too late (refused-late), so that a click on one can say why.
import { computed, onBeforeUnmount, onMounted, ref, type Ref } from 'vue'
import { i18n } from '@/i18n'
import {
  dayRefusal,
  formatDate,
  fromPicker,
  PICKER_DAY,
  PICKER_TIME,
  pickerCellDay,
  pickerDate,
  pickerDisabled,
  startOfDay,
} from '@/utils/calendar'
import { serverNow } from '@/utils/serverTime'

export function useChinaPicker(o: {
  withTime: () => boolean
  empty: () => boolean
  notBefore: () => number | null
  notAfter: () => number | null
}) {
  return {
    valueFormat: computed(() => (o.withTime() ? PICKER_TIME : PICKER_DAY)),
    disabledDate: computed(() => pickerDisabled(o.notBefore(), o.notAfter())),
    opening: computed(() => (o.empty() ? pickerDate(serverNow()) : undefined)),
    todayClass: (cell: Date) => {
      const day = pickerCellDay(cell)
      const refused = dayRefusal(day, o.notBefore(), o.notAfter())
      return [
        day === startOfDay(serverNow()) ? 'china-today' : '',
        refused ? `refused-${refused}` : '',
      ]
        .filter(Boolean)
        .join(' ')
    },
    popperClass: 'china-picker',
  }
}

let serial = 0

/**
 * Says why a day outside notBefore/notAfter was not taken, instead of dropping it silently: a day
 * typed into the field's input(s) (checkTyped, on Enter or on blur in the capture phase, before the picker
 * forgets the text) or a refused cell tapped in the panel (cells marked refused-early/-late by
 * useChinaPicker, in the popper with the class `own`). `refused` is the message, or null.
 */
export function useRefusedDays(o: {
  wrapper: Ref<HTMLElement | null>
  withTime: () => boolean
  notBefore: () => number | null
  notAfter: () => number | null
  whyEarly?: () => string | undefined
  whyLate?: () => string | undefined
}) {
  // The app's messages in its current language (works outside a component's i18n set-up too).
  const t = (key: string, params: Record<string, unknown>) => i18n.global.t(key, params)
  const own = `date-field-${++serial}`
  const refused = ref<string | null>(null)

  /** The message for a refused day (`day` null: a tapped cell, whose day is not known here). */
  function message(why: 'early' | 'late', day: number | null): string {
    const limit = formatDate(startOfDay((why === 'early' ? o.notBefore() : o.notAfter()) ?? 0))
    const text = t(why === 'early' ? 'common.dateTooEarly' : 'common.dateTooLate', {
      day: day === null ? t('common.thisDay', {}) : formatDate(day),
      limit,
    })
    const reason = why === 'early' ? o.whyEarly?.() : o.whyLate?.()
    return reason ? t('common.dateRefusedWhy', { text, why: reason }) : text
  }

  // Only sets: the picker puts its own value back into the input as it closes, and a day taken is
  // a change (the field then clears the message), as is typing again.
  function checkTyped() {
    for (const input of o.wrapper.value?.querySelectorAll('input') ?? []) {
      const at = fromPicker(input.value, o.withTime())
      if (at === null) continue
      const why = dayRefusal(startOfDay(at), o.notBefore(), o.notAfter())
      if (why) {
        refused.value = message(why, startOfDay(at))
        return
      }
    }
  }

  function onTap(e: Event) {
    const target = e.target as Element | null
    const cell = target?.closest?.(`.${own} td.refused-early, .${own} td.refused-late`)
    if (cell)
      refused.value = message(cell.classList.contains('refused-early') ? 'early' : 'late', null)
  }
  onMounted(() => document.addEventListener('click', onTap, true))
  onBeforeUnmount(() => document.removeEventListener('click', onTap, true))

  return { own, refused, checkTyped }
}
