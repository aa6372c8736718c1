// One message tree per language from parts: the app's own (zh-CN.ts, en.ts) and each module's
// (modules/<module>/messages.zh-CN.ts and messages.en.ts). Each part brings its own top-level keys;
// a key two parts both define is a mistake, refused as the app starts (and by the unit tests).

/** A | B | C → A & B & C (the merged tree has every part's keys). */
type Intersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never

export type Merged<Parts extends readonly object[]> = Intersection<Parts[number]>

/** The parts' top-level keys in one object; throws when a key is in two parts. */
export function mergeMessages<Parts extends readonly object[]>(...parts: Parts): Merged<Parts> {
  const out: Record<string, unknown> = {}
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      if (key in out) throw new Error(`i18n: the message key "${key}" is defined by two parts`)
      out[key] = value
    }
  }
  return out as Merged<Parts>
}
