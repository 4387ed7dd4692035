import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BoardInfo, SavedTemplateInfo } from '../../shared/contracts'
import { changeTemplate, deleteTemplate } from './templateRequests'
import './templates.css'

/**
 * The saved templates the caller may manage (a workshop's facilitator its workshop's): rename,
 * share server-wide or keep to the workshop, delete. Each change is sent at once.
 */
export function ManageTemplates(props: {
  board: BoardInfo
  templates: SavedTemplateInfo[]
  onChanged: () => void
}) {
  const { t } = useTranslation()
  const [message, setMessage] = useState('')
  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work()
      setMessage(done)
      props.onChanged()
    } catch (e) {
      setMessage(t('templates.failed', { message: (e as Error).message }))
    }
  }
  if (props.templates.length === 0) return null
  return (
    <section className="manage-templates" aria-labelledby="manage-templates-heading">
      <h3 id="manage-templates-heading">{t('templates.manageHeading')}</h3>
      <ul>
        {props.templates.map((template) => (
          <ManagedTemplate key={template.id} template={template} {...props} run={run} />
        ))}
      </ul>
      <p role="status" className="muted">
        {message}
      </p>
    </section>
  )
}

function ManagedTemplate(props: {
  board: BoardInfo
  template: SavedTemplateInfo
  run: (work: () => Promise<unknown>, done: string) => Promise<void>
}) {
  const { t } = useTranslation()
  const { board, template, run } = props
  const [title, setTitle] = useState(template.title)
  const inputId = `template-title-${template.id}`
  return (
    <li className="managed-template" data-testid="managed-template">
      <label htmlFor={inputId}>{t('templates.renameLabel', { title: template.title })}</label>
      <input
        id={inputId}
        maxLength={200}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <div className="row">
        <button
          type="button"
          className="small"
          disabled={!title.trim() || title.trim() === template.title}
          onClick={() =>
            void run(
              () => changeTemplate(board, template.id, { title: title.trim() }),
              t('templates.renamed', { title: title.trim() }),
            )
          }
        >
          {t('templates.rename')}
        </button>
        <label className="share-toggle">
          <input
            type="checkbox"
            checked={template.shared}
            onChange={(e) =>
              void run(
                () => changeTemplate(board, template.id, { shared: e.target.checked }),
                t(e.target.checked ? 'templates.nowShared' : 'templates.nowOwn', {
                  title: template.title,
                }),
              )
            }
          />{' '}
          {t('templates.shared')}
        </label>
        <button
          type="button"
          className="small"
          onClick={() =>
            void run(
              () => deleteTemplate(board, template.id),
              t('templates.deleted', { title: template.title }),
            )
          }
        >
          {t('templates.delete')}
        </button>
      </div>
    </li>
  )
}
