import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { WorkshopApi } from '../workshopApi'

/** Whether participants without a group may pick one themselves. */
export function GroupChoiceToggle({ api, initial }: { api: WorkshopApi; initial: boolean }) {
  const { t } = useTranslation()
  const [allowed, setAllowed] = useState(initial)
  const [error, setError] = useState<string>()

  const toggle = async (next: boolean) => {
    setAllowed(next)
    setError(undefined)
    try {
      await api.update({ allowGroupChoice: next })
    } catch (e) {
      setAllowed(!next)
      setError((e as Error).message)
    }
  }

  return (
    <>
      <label className="choice toggle">
        <input
          type="checkbox"
          checked={allowed}
          onChange={(event) => void toggle(event.target.checked)}
        />
        {t('workshop.allowChoice')}
      </label>
      {error && (
        <p role="alert" className="error">
          {t('workshop.failed', { message: error })}
        </p>
      )}
    </>
  )
}
