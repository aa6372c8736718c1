// What the duty pages' lists of log entries and intake reports do alike: read newest first in pages
// (more before the oldest loaded, while a full page came), keep a changed item in its place (newest
// first by id), and pass a report up to the city from a list.
import { ref, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import { errorText } from '@/utils/errors'
import { isApiError } from '@/api/client'
import { getIntake, passUpIntake, receiveIntake, type Intake } from './api'

/** A list read newest first, `size` at a time: load() the first page, load(true) the next. */
export function useNewestFirst<T extends { id: number }>(
  fetchPage: (beforeId: number | null, limit: number) => Promise<T[]>,
  size: number,
) {
  const items = shallowRef<T[]>([])
  const loading = ref(false)
  const error = shallowRef<unknown>(null)
  const more = ref(false)

  async function load(append = false) {
    loading.value = true
    error.value = null
    try {
      const before = append ? (items.value[items.value.length - 1]?.id ?? null) : null
      const page = await fetchPage(before, size)
      items.value = append ? [...items.value, ...page] : page
      more.value = page.length === size
    } catch (e) {
      error.value = e
    } finally {
      loading.value = false
    }
  }

  return { items, loading, error, more, load }
}

/** The list with `item` put in (in place of the one with its id), newest (highest id) first. */
export function upsertById<T extends { id: number }>(list: readonly T[], item: T): T[] {
  return [item, ...list.filter((x) => x.id !== item.id)].sort((a, b) => b.id - a.id)
}

/** Passing a report up from a list: `passing` is the one under way; the answer goes to `upsert`. */
export function usePassUp(upsert: (i: Intake) => void) {
  const { t } = useI18n()
  const passing = ref<number | null>(null)
  async function passUp(i: Intake) {
    passing.value = i.id
    try {
      upsert(await passUpIntake(i.id))
      ElMessage.success(t('duty.intake.passedUpOk'))
    } catch (e) {
      ElMessage.error(errorText(e))
    } finally {
      passing.value = null
    }
  }
  return { passing, passUp }
}

/**
 * Receiving (签收) a report passed up to the city, from a list: `receiving` is the one under way;
 * the answer goes to `upsert`. Refused because it changed meanwhile (409: received by a colleague,
 * say), the report is read again so the list shows how it stands.
 */
export function useReceive(upsert: (i: Intake) => void) {
  const { t } = useI18n()
  const receiving = ref<number | null>(null)
  async function receive(i: Intake) {
    receiving.value = i.id
    try {
      upsert(await receiveIntake(i.id, i.version))
      ElMessage.success(t('duty.intake.receivedOk'))
    } catch (e) {
      ElMessage.error(errorText(e))
      if (isApiError(e) && e.status === 409) {
        try {
          upsert(await getIntake(i.id))
        } catch {
          // The list keeps what it had; the message said why.
        }
      }
    } finally {
      receiving.value = null
    }
  }
  return { receiving, receive }
}
