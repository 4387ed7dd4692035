import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiRequestError } from '../common/api'
import '../workshop/i18n'
import '../workshop/workshop.css'
import type { CreatedWorkshop } from '../../shared/workshopContracts'
import { createWorkshop } from '../workshop/workshopApi'
import { rememberWorkshop } from './recentBoards'
import { WorkshopLinks } from '../workshop/WorkshopLinks'
import '../account/strings'
import { TemplateSelect, type TemplateOption } from './TemplateSelect'

const TRACKS = ['school', 'care', 'both', 'other'] as const
const today = () => new Date().toLocaleDateString('sv-SE')

/** Creates a workshop (group boards and a plenary board) and hands out its three links. */
export function CreateWorkshop({
  templates,
  signedIn = false,
}: {
  templates: TemplateOption[]
  /** Signed-in creators find the links again under Mina workshoppar. */
  signedIn?: boolean
}) {
  const { t, i18n } = useTranslation()
  const [title, setTitle] = useState('')
  const [date, setDate] = useState(today)
  const [track, setTrack] = useState<string>('school')
  const [template, setTemplate] = useState('hindering-enabling')
  const [groups, setGroups] = useState(4)
  const [adminToken, setAdminToken] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const [created, setCreated] = useState<CreatedWorkshop>()

  const create = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    const workshopTitle = title.trim() || t('workshop.untitled')
    try {
      const workshop = await createWorkshop(
        {
          title: workshopTitle,
          date,
          track,
          template,
          groups,
          language: i18n.language === 'en' ? 'en' : 'sv',
        },
        adminToken,
      )
      rememberWorkshop({
        id: workshop.id,
        title: workshopTitle,
        url: workshop.links.facilitator,
      })
      setCreated(workshop)
    } catch (e) {
      // With ADMIN_TOKEN set on the server, only its holders may create workshops.
      if (e instanceof ApiRequestError && e.status === 401 && adminToken === undefined) {
        setAdminToken('')
      }
      setError((e as Error).message)
    } finally {
      setBusy(false)
    }
  }

  if (created) {
    return (
      <div className="created-workshop" role="status">
        <h3>{t('workshop.createdHeading')}</h3>
        <p>{t('workshop.createdExplain')}</p>
        {signedIn && <p>{t('account.linksKept')}</p>}
        <WorkshopLinks links={created.links} />
        <a className="button primary" href={created.links.facilitator}>
          {t('workshop.openOverview')}
        </a>
      </div>
    )
  }

  return (
    <form onSubmit={create} className="create-workshop">
      <label htmlFor="workshop-title">{t('workshop.form.title')}</label>
      <input
        id="workshop-title"
        value={title}
        maxLength={200}
        placeholder={t('workshop.form.titlePlaceholder')}
        onChange={(event) => setTitle(event.target.value)}
      />
      <div className="field-pair">
        <div>
          <label htmlFor="workshop-date">{t('workshop.form.date')}</label>
          <input
            id="workshop-date"
            type="date"
            value={date}
            onChange={(event) => setDate(event.target.value)}
          />
        </div>
        <div>
          <label htmlFor="workshop-groups">{t('workshop.form.groups')}</label>
          <input
            id="workshop-groups"
            type="number"
            min={1}
            max={20}
            required
            value={groups}
            onChange={(event) => setGroups(Number(event.target.value))}
          />
        </div>
      </div>
      <fieldset className="track">
        <legend>{t('workshop.form.track')}</legend>
        {TRACKS.map((option) => (
          <label key={option} className="choice">
            <input
              type="radio"
              name="track"
              value={option}
              checked={track === option}
              onChange={() => setTrack(option)}
            />
            {t(`workshop.track.${option}`)}
          </label>
        ))}
      </fieldset>
      <label htmlFor="workshop-template">{t('workshop.form.template')}</label>
      <TemplateSelect
        id="workshop-template"
        templates={templates}
        value={template}
        describedBy="workshop-template-hint"
        onChange={setTemplate}
      />
      <p id="workshop-template-hint" className="hint">
        {t('workshop.form.templateHint')}
      </p>
      {adminToken !== undefined && (
        <>
          <label htmlFor="workshop-admin">{t('workshop.form.adminToken')}</label>
          <input
            id="workshop-admin"
            type="password"
            autoComplete="off"
            value={adminToken}
            onChange={(event) => setAdminToken(event.target.value)}
          />
        </>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('workshop.form.creating') : t('workshop.form.create')}
      </button>
      {error && (
        <p role="alert" className="error">
          {t('workshop.form.error', { message: error })}
        </p>
      )}
    </form>
  )
}
