// The unit map (Leaflet in happy-dom): its labels across redraws and overlapping updates.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createApp, h, nextTick, shallowRef, type App } from 'vue'
import type { UnitCollection } from '@/api/types'

// Chromium has WebKitCSSMatrix, so Leaflet animates there (zoom, fades); happy-dom has none.
// Leaflet reads it when its module loads: set it before anything imports Leaflet.
vi.hoisted(() => {
  class WebKitCSSMatrix {
    m11 = 1
  }
  Object.assign(globalThis, { WebKitCSSMatrix })
  if (typeof window !== 'undefined') Object.assign(window, { WebKitCSSMatrix })
})

import UnitMap from '@/components/UnitMap.vue'
import { i18n } from '@/i18n'

function square(code: string, name: string, x: number, y: number) {
  return {
    type: 'Feature' as const,
    properties: { code, name, name_en: name, level: 'county' as const },
    geometry: {
      type: 'Polygon' as const,
      coordinates: [
        [
          [x, y],
          [x + 0.4, y],
          [x + 0.4, y + 0.4],
          [x, y + 0.4],
          [x, y],
        ],
      ],
    },
  }
}

const UNITS: UnitCollection = {
  type: 'FeatureCollection',
  features: [
    square('430426', '祁东县', 111.9, 26.7),
    square('430422', '衡南县', 112.5, 26.7),
    square('430421', '衡阳县', 112.3, 27.1),
  ],
}

let app: App | null = null
afterEach(() => {
  app?.unmount()
  app = null
  document.body.innerHTML = ''
})

type MapProps = InstanceType<typeof UnitMap>['$props']

function mountMap(props: MapProps) {
  const state = shallowRef<MapProps>(props)
  const root = document.createElement('div')
  document.body.appendChild(root)
  app = createApp({ render: () => h(UnitMap, state.value) })
  app.use(i18n)
  app.mount(root)
  return { root, state }
}

function labelCount(root: HTMLElement, name: string) {
  return [...root.querySelectorAll('.unit-label')].filter((e) => e.textContent?.trim() === name)
    .length
}

describe('unit map labels', () => {
  it('names each unit once right after the highlight, fills or figures change', async () => {
    const { root, state } = mountMap({ units: UNITS, highlight: null })
    await nextTick()
    expect(labelCount(root, '祁东县')).toBe(1)
    const changes: Partial<MapProps>[] = [
      { highlight: '430426' },
      { highlight: '430422' },
      { fills: { 430426: '#f00' }, tooltips: { 430426: '12' } },
      { highlight: null },
    ]
    for (const change of changes) {
      state.value = { ...state.value, ...change }
      await nextTick()
      for (const name of ['衡南县', '衡阳县']) expect(labelCount(root, name), name).toBe(1)
      expect(root.querySelectorAll('.unit-label').length).toBe(3)
    }
    const texts = [...root.querySelectorAll('.unit-label')].map((e) => e.textContent?.trim())
    expect(texts).toContain('祁东县 12')
  })

  // Leaflet fades a removed label out for 200 ms: it must leave the page at once instead.
  it('names each unit once after new units replace the old ones', async () => {
    const { root, state } = mountMap({ units: UNITS })
    await nextTick()
    state.value = { units: { ...UNITS, features: [...UNITS.features] } }
    await nextTick()
    expect(labelCount(root, '祁东县')).toBe(1)
    expect(root.querySelectorAll('.unit-label').length).toBe(3)
  })

  it('marks each unit shape with its code and the highlighted one thick', async () => {
    const { root, state } = mountMap({ units: UNITS, highlight: '430422' })
    await nextTick()
    const thick = () =>
      [...root.querySelectorAll('path[stroke-width="3"]')].map((p) => p.getAttribute('data-unit'))
    expect(thick()).toEqual(['430422'])
    state.value = { ...state.value, highlight: '430421' }
    await nextTick()
    expect(thick()).toEqual(['430421'])
  })
})
