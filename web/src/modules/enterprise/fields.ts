// Enterprise fields: their i18n labels, and how server field names map to form fields.

const LABELS: Record<string, string> = {
  name: 'enterprises.name',
  credit_code: 'enterprises.creditCode',
  sectors: 'enterprises.sectors',
  jurisdiction: 'enterprises.jurisdiction',
  address: 'enterprises.address',
  location: 'enterprises.location',
  lon: 'enterprises.lon',
  lat: 'enterprises.lat',
  risk_color: 'enterprises.riskColor',
  size: 'enterprises.size',
  contact_name: 'enterprises.contactName',
  contact_phone: 'enterprises.contactPhone',
  major_hazard_installations: 'enterprises.majorHazard',
}

export function enterpriseFieldKey(field: string): string | null {
  return LABELS[field] ?? null
}

/** The form field that shows a server error about `field` ("location" shows under longitude). */
export function formFieldFor(field: string | null): string | null {
  if (!field) return null
  if (field === 'location') return 'lon'
  return field in LABELS ? field : null
}
