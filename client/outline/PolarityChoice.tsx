import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { POLARITIES, polarityIcon, type Polarity } from '../../shared/factors'
import { polarityWordFor } from './polarityWords'

/** Radio buttons with icon and word: arrow keys switch, and colour is never the only signal. */
export function PolarityChoice(props: {
  legend: string
  value: Polarity
  onChange: (polarity: Polarity) => void
}) {
  const { i18n } = useTranslation()
  const name = useId()
  return (
    <fieldset className="polarity-choice">
      <legend>{props.legend}</legend>
      {POLARITIES.map((polarity) => (
        <label key={polarity} className={`polarity-option polarity-${polarity}`}>
          <input
            type="radio"
            name={name}
            value={polarity}
            checked={props.value === polarity}
            onChange={() => props.onChange(polarity)}
          />
          <span aria-hidden="true" className="polarity-icon">
            {polarityIcon[polarity]}
          </span>{' '}
          {polarityWordFor(i18n.language, polarity)}
        </label>
      ))}
    </fieldset>
  )
}
