import type { RiskColor } from '@/api/types'

/** The risk colours as hex (for canvas and SVG, where CSS variables do not apply). */
export const RISK_HEX: Record<RiskColor, string> = {
  red: '#d7263d',
  orange: '#f27a1a',
  yellow: '#e9b600',
  blue: '#2f6fd6',
}
