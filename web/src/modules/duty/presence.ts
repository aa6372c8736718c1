// Who keeps each duty room's console open (GET /api/v1/duty/presence and duty.presence events):
// the rooms' online dots on the console, the spot-check picker and the run page.
import { onBeforeUnmount, shallowRef, ref } from 'vue'
import { useLiveEventsStore } from '@/stores/liveEvents'
import { isMissingRoute } from '@/utils/errors'
import { presence as fetchPresence, type RoomPresence } from './api'

export function readPresence(data: Record<string, unknown>): RoomPresence | null {
  if (typeof data.room !== 'string' || typeof data.online !== 'boolean') return null
  return {
    room: data.room,
    online: data.online,
    users: Array.isArray(data.users) ? (data.users as RoomPresence['users']) : [],
  }
}

export function usePresence() {
  const live = useLiveEventsStore()
  const byRoom = shallowRef(new Map<string, RoomPresence>())
  /** The server has no presence yet (older server): dots are left out. */
  const unavailable = ref(false)
  const error = shallowRef<unknown>(null)

  /** Changes heard while the list was being fetched: newer than the list, applied over it. */
  let heard: Map<string, RoomPresence> | null = null

  async function load() {
    heard = new Map()
    try {
      const items = await fetchPresence()
      const m = new Map(items.map((p) => [p.room, p]))
      for (const [room, p] of heard) m.set(room, p)
      byRoom.value = m
      unavailable.value = false
      error.value = null
    } catch (e) {
      if (isMissingRoute(e) || (e as { status?: number }).status === 404) unavailable.value = true
      else error.value = e
    } finally {
      heard = null
    }
  }

  const unsubscribe = live.subscribe((e) => {
    if (e.type !== 'duty.presence') return
    const p = readPresence(e.data)
    if (!p) return
    heard?.set(p.room, p)
    const m = new Map(byRoom.value)
    m.set(p.room, p)
    byRoom.value = m
  })
  onBeforeUnmount(unsubscribe)

  return { byRoom, unavailable, error, load }
}
