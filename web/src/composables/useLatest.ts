/**
 * For loads that may overlap (a filter changed, an event arrived): each call of the returned
 * function starts a load and gives back a check that is true only while no later load has
 * started, so an older answer arriving last never replaces a newer one.
 */
export function latestOnly(): () => () => boolean {
  let latest = 0
  return () => {
    const mine = ++latest
    return () => mine === latest
  }
}
