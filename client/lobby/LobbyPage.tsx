import { useEffect, useMemo, useState, useSyncExternalStore, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { BoardInfo } from '../../shared/contracts'
import '../account/account.css'
import { AccountBar } from '../account/AccountBar'
import { MyScopes } from '../account/MyScopes'
import { SignInPrompt } from '../account/SignInPrompt'
import { useSession } from '../account/useSession'
import { api } from '../common/api'
import { LanguageSwitch } from '../common/LanguageSwitch'
import { CreateWorkshop } from './CreateWorkshop'
import { recentBoards, rememberBoard, storedList, subscribeRecentBoards } from './recentBoards'
import { TemplateSelect, type TemplateOption } from './TemplateSelect'

export function LobbyPage() {
  const { t, i18n } = useTranslation()
  const [templates, setTemplates] = useState<TemplateOption[]>([])
  const [title, setTitle] = useState('')
  const [template, setTemplate] = useState('hindering-enabling')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const [created, setCreated] = useState<BoardInfo>()
  const [copied, setCopied] = useState(false)
  const session = useSession()
  const mustSignIn = session?.signInEnabled === true && session.user === null

  useEffect(() => {
    api.templates(i18n.language).then(setTemplates, (e: Error) => setError(e.message))
  }, [i18n.language])

  const create = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      const board = await api.createBoard({ title, template, language: i18n.language })
      rememberBoard({ id: board.id, title: board.title, url: board.url })
      setCreated(board)
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setBusy(false)
    }
  }

  const copy = async () => {
    if (!created) return
    await navigator.clipboard?.writeText(created.url).catch(() => undefined)
    setCopied(true)
  }

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>{t('app.name')}</h1>
          <p className="tagline">{t('app.tagline')}</p>
        </div>
        <div className="header-tools">
          <AccountBar session={session} />
          <LanguageSwitch />
        </div>
      </header>
      <main className="lobby">
        {mustSignIn && <SignInPrompt />}
        {session?.user && <MyScopes />}
        {!mustSignIn && (
          <section aria-labelledby="workshop-heading" className="card">
            <h2 id="workshop-heading">{t('workshop.createHeading')}</h2>
            <p className="muted">{t('workshop.createIntro')}</p>
            <CreateWorkshop templates={templates} signedIn={Boolean(session?.user)} />
          </section>
        )}
        <div className="lobby-side">
          {!mustSignIn && (
            <section aria-labelledby="create-heading" className="card">
              <h2 id="create-heading">{t('lobby.createHeading')}</h2>
              <form onSubmit={create}>
                <label htmlFor="board-title">{t('lobby.title')}</label>
                <input
                  id="board-title"
                  value={title}
                  maxLength={200}
                  placeholder={t('lobby.titlePlaceholder')}
                  onChange={(event) => setTitle(event.target.value)}
                />
                <label htmlFor="board-template">{t('lobby.template')}</label>
                <TemplateSelect
                  id="board-template"
                  templates={templates}
                  value={template}
                  onChange={setTemplate}
                />
                <button type="submit" className="primary" disabled={busy}>
                  {busy ? t('lobby.creating') : t('lobby.create')}
                </button>
              </form>
              {error && (
                <p role="alert" className="error">
                  {t('lobby.error', { message: error })}
                </p>
              )}
              {created && (
                <div className="created" role="status">
                  <p>{t('lobby.created')}</p>
                  <input
                    aria-label={t('lobby.open')}
                    readOnly
                    value={created.url}
                    onFocus={(e) => e.target.select()}
                  />
                  <div className="row">
                    <button type="button" onClick={copy}>
                      {copied ? t('lobby.copied') : t('lobby.copy')}
                    </button>
                    <a className="button primary" href={created.url}>
                      {t('lobby.open')}
                    </a>
                  </div>
                </div>
              )}
            </section>
          )}
          <section aria-labelledby="recent-heading" className="card">
            <h2 id="recent-heading">{t('lobby.recentHeading')}</h2>
            <RecentList />
          </section>
        </div>
      </main>
    </div>
  )
}

function RecentList() {
  const { t } = useTranslation()
  const stored = useSyncExternalStore(subscribeRecentBoards, storedList)
  const boards = useMemo(() => recentBoards(stored), [stored])
  if (boards.length === 0) return <p className="muted">{t('lobby.recentEmpty')}</p>
  return (
    <ul className="recent">
      {boards.map((board) => (
        <li key={board.id}>
          <a href={board.url ?? `/b/${board.id}`}>{board.title}</a>
          {board.kind === 'workshop' && (
            <span className="muted"> ({t('lobby.recentWorkshop')})</span>
          )}
        </li>
      ))}
    </ul>
  )
}
