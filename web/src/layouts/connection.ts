// What the header's connection badge shows: offline (离线) while the browser says it has no network
// or the event socket is closed and waiting to reconnect; otherwise the socket's own state.
import type { StreamStatus } from '@/api/events'

export type BadgeState = 'offline' | 'waiting' | 'connecting' | 'open' | 'idle'

/**
 * The badge's state from navigator.onLine and the event stream's status: 'offline' without a
 * network; 'waiting' (shown as offline with the seconds to the next try) while the socket is
 * closed; else the status.
 */
export function badgeState(online: boolean, status: StreamStatus): BadgeState {
  if (!online) return 'offline'
  return status
}

/** Whether the badge reads as offline (the red-grey dot and 离线). */
export function isOffline(state: BadgeState): boolean {
  return state === 'offline' || state === 'waiting'
}
