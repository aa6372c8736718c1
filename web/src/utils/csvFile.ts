// Reading a CSV file the way people save them: UTF-8 (with or without BOM) or, from Excel on
// Chinese Windows, GBK/GB18030. The result is always UTF-8 text without BOM.

export interface DecodedCsv {
  text: string
  encoding: 'utf-8' | 'gb18030'
}

export function decodeCsv(bytes: ArrayBuffer | Uint8Array): DecodedCsv {
  const u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(u8)
    return { text: text.replace(/^\uFEFF/, ''), encoding: 'utf-8' }
  } catch {
    return { text: new TextDecoder('gb18030').decode(u8), encoding: 'gb18030' }
  }
}

/** Data rows (records after the header), counting quoted line breaks as part of a field. */
export function countDataRows(text: string): number {
  let rows = 0
  let inQuotes = false
  let lineHasContent = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i)
    if (c === '"') inQuotes = !inQuotes
    if (!inQuotes && (c === '\n' || c === '\r')) {
      if (lineHasContent) rows++
      lineHasContent = false
      if (c === '\r' && text.charAt(i + 1) === '\n') i++
    } else if (c !== ' ' && c !== '\t') {
      lineHasContent = true
    }
  }
  if (lineHasContent) rows++
  return Math.max(0, rows - 1)
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`
  return `${(n / 1024 / 1024).toFixed(1)} MB`
}
