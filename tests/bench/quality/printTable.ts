/** Prints rows as an aligned plain-text table; fractions get three decimals. */
export function printTable(title: string, rows: readonly object[]): void {
  const records = rows.map((row) => new Map(Object.entries(row)))
  const columns = [...(records[0]?.keys() ?? [])]
  const cell = (value: unknown) =>
    typeof value === 'number' && !Number.isInteger(value) ? value.toFixed(3) : String(value ?? '')
  const widths = columns.map((column) =>
    Math.max(column.length, ...records.map((record) => cell(record.get(column)).length)),
  )
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i] ?? 0)).join('  ')
  console.log(`\n${title}`)
  console.log(line(columns))
  console.log(line(widths.map((width) => '-'.repeat(width))))
  for (const record of records) console.log(line(columns.map((column) => cell(record.get(column)))))
}
