// Colour classes for a figure per unit (a choropleth): equal-width classes with whole-number
// bounds, and the legend that goes with them.

export const PALETTES = {
  blues: ['#dbe8f8', '#a9c8ee', '#6fa2e0', '#3677cc', '#144f9c'],
  reds: ['#fde0dd', '#f9a8a0', '#f0695e', '#d7263d', '#9b1024'],
  oranges: ['#feead2', '#fdc88f', '#f9a04c', '#f27a1a', '#b8500a'],
} as const

export type PaletteName = keyof typeof PALETTES

export const NO_DATA_COLOR = '#eef1f5'

export interface LegendClass {
  from: number
  to: number
  color: string
}

export interface Scale {
  classes: LegendClass[]
  colorFor: (v: number | null | undefined) => string
}

/** Classes for values 0..max: 0 gets its own class when max > 0; whole-number bounds. */
export function buildScale(values: readonly number[], palette: readonly string[]): Scale {
  const max = values.reduce((m, v) => (Number.isFinite(v) && v > m ? v : m), 0)
  const classes: LegendClass[] = []
  const first = palette[0] ?? NO_DATA_COLOR
  if (max <= 0) {
    classes.push({ from: 0, to: 0, color: first })
  } else {
    const steps = Math.min(palette.length - 1, max)
    classes.push({ from: 0, to: 0, color: first })
    const width = max / steps
    let from = 1
    for (let i = 1; i <= steps; i++) {
      const to = i === steps ? max : Math.max(from, Math.round(width * i))
      if (to < from) continue
      classes.push({ from, to, color: palette[i] ?? first })
      from = to + 1
    }
  }
  return {
    classes,
    colorFor(v) {
      if (v === null || v === undefined || !Number.isFinite(v)) return NO_DATA_COLOR
      for (const c of classes) if (v >= c.from && v <= c.to) return c.color
      return classes[classes.length - 1]?.color ?? NO_DATA_COLOR
    },
  }
}
