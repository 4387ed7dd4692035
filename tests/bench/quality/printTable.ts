/** Prints rows as an aligned plain-text table; numbers get three decimals. */
export function printTable(title: string, rows: readonly Record<string, string | number>[]): void {
  const first = rows[0]
  if (!first) return
  const columns = Object.keys(first)
  const cell = (value: string | number | undefined) =>
    typeof value === 'number' && !Number.isInteger(value) ? value.toFixed(3) : String(value ?? '')
  const widths = columns.map((column) =>
    Math.max(column.length, ...rows.map((row) => cell(row[column]).length)),
  )
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i] ?? 0)).join('  ')
  console.log(`\n${title}`)
  console.log(line(columns))
  console.log(line(widths.map((width) => '-'.repeat(width))))
  for (const row of rows) console.log(line(columns.map((column) => cell(row[column]))))
}
