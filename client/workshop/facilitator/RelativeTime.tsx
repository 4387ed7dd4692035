import { useTranslation } from 'react-i18next'

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
]

/** "för 3 minuter sedan", as of `now`: the time of the overview's latest poll. */
export function RelativeTime({ at, now }: { at: number; now: number }) {
  const { i18n } = useTranslation()
  const elapsed = Math.max(0, now - at)
  const format = new Intl.RelativeTimeFormat(i18n.language, { numeric: 'auto' })
  const [unit, size] = UNITS.find(([, ms]) => elapsed >= ms) ?? ['second', 1000]
  const value = unit === 'second' ? 0 : -Math.floor(elapsed / size)
  return <time dateTime={new Date(at).toISOString()}>{format.format(value, unit)}</time>
}
