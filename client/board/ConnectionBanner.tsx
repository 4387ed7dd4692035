import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from '../common/LanguageSwitch'
import type { ConnectionState } from './useBoardSync'

const ICON: Record<ConnectionState, string> = { online: '●', connecting: '◌', offline: '⚠' }

/** The board's top bar: title, and whether the work is saved (icon and words, not colour only). */
export function ConnectionBanner(props: {
  connection: ConnectionState
  unsaved: number
  title: string
  /** The board's tools (view switch, import, templates), shown between title and status. */
  children?: ReactNode
}) {
  const { t } = useTranslation()
  const { connection, unsaved } = props
  const message =
    connection === 'online'
      ? t('board.online')
      : connection === 'connecting'
        ? t('board.connecting')
        : unsaved > 0
          ? t('board.offline', { count: unsaved })
          : t('board.offlineNone')
  return (
    <header className="board-bar">
      <a href="/" className="home-link">
        {t('app.name')}
      </a>
      <h1 className="board-title">{props.title}</h1>
      {props.children}
      <p className={`connection connection-${connection}`} role="status" data-testid="connection">
        <span aria-hidden="true">{ICON[connection]}</span> {message}
      </p>
      <LanguageSwitch />
    </header>
  )
}
