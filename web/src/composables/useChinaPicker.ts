// What DateField and DateRangeField hand to el-date-picker: the value-format of China wall-time
// strings, the China days that cannot be picked, where an empty picker opens, and which day cell
// is today (all in China; Element Plus's own "today" is the browser's, unmarked by the
// .china-picker popper class in styles/main.css).
import { computed } from 'vue'
import {
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
    todayClass: (cell: Date) =>
      pickerCellDay(cell) === startOfDay(serverNow()) ? 'china-today' : '',
    popperClass: 'china-picker',
  }
}
