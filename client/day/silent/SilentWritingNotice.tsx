import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Awareness } from 'y-protocols/awareness'
import { othersDraftCount } from './privateDrafts'
import './strings'

/**
 * In the day bar while the workshop writes alone: how many notes the others are writing (the
 * only thing anyone learns of them), and for a participant that their own stay private.
 */
export function SilentWritingNotice(props: { awareness: Awareness; isParticipant: boolean }) {
  const { t } = useTranslation()
  const { awareness } = props
  const [count, setCount] = useState(() => othersDraftCount(awareness))
  useEffect(() => {
    const update = () => setCount(othersDraftCount(awareness))
    awareness.on('change', update)
    update()
    return () => awareness.off('change', update)
  }, [awareness])
  return (
    <span className="silent-writing" data-testid="silent-writing">
      <strong>{t('silent.on')}</strong>
      {props.isParticipant && <span> {t('silent.yoursArePrivate')}</span>}{' '}
      <span data-testid="draft-count">{t('silent.othersWriting', { count })}</span>
    </span>
  )
}
