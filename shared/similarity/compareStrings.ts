/** Code-unit order, so sorting does not depend on the runtime's locale; undefined sorts first. */
export function compareStrings(a = '', b = ''): number {
  return a < b ? -1 : a > b ? 1 : 0
}
