import { useEffect, useState, type DragEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type {
  BoardOverview,
  GroupAssignments,
  ParticipantSummary as Participant,
} from '../../../shared/workshopContracts'
import type { WorkshopApi } from '../workshopApi'

interface GroupPlannerProps {
  api: WorkshopApi
  groups: BoardOverview[]
  participants: Participant[]
  onClose(confirmed: boolean): void
}

/** Municipalities that occur more than once in a group: the mix the facilitator may fix. */
function repeatedMunicipalities(people: Participant[]): string[] {
  const seen = new Map<string, number>()
  for (const person of people) {
    const key = person.municipality?.trim()
    if (key) seen.set(key, (seen.get(key) ?? 0) + 1)
  }
  return [...seen].filter(([, n]) => n > 1).map(([name]) => name)
}

/**
 * A proposal of mixed groups, one column per group, that the facilitator adjusts before it
 * applies: by dragging a person to another column, or with the person's "move to" select.
 */
export function GroupPlanner({ api, groups, participants, onClose }: GroupPlannerProps) {
  const { t } = useTranslation()
  const [assignments, setAssignments] = useState<GroupAssignments['assignments']>()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [dropTarget, setDropTarget] = useState<string>()
  const [reshuffle, setReshuffle] = useState(false)

  useEffect(() => {
    api.proposeGroups({ reshuffle }).then(
      (proposal) => setAssignments(proposal.assignments),
      (e: Error) => setError(e.message),
    )
  }, [api, reshuffle])
  const reshuffleEveryone = () => {
    setError(undefined)
    setAssignments(undefined)
    setReshuffle(true)
  }

  const move = (participantId: string, boardId: string) =>
    setAssignments((current) => ({ ...current, [participantId]: boardId }))

  const confirm = async () => {
    if (!assignments) return
    setBusy(true)
    try {
      await api.confirmGroups(assignments)
      onClose(true)
    } catch (e) {
      setError((e as Error).message)
      setBusy(false)
    }
  }

  const drop = (boardId: string) => (event: DragEvent) => {
    event.preventDefault()
    const participantId = event.dataTransfer.getData('text/plain')
    if (participantId) move(participantId, boardId)
    setDropTarget(undefined)
  }

  return (
    <section className="group-planner card" aria-labelledby="planner-heading">
      <h3 id="planner-heading">{t('workshop.planner.heading')}</h3>
      <p className="muted">{t('workshop.planner.explain')}</p>
      {error && (
        <p role="alert" className="error">
          {t('workshop.failed', { message: error })}
        </p>
      )}
      {!assignments && !error && <p role="status">{t('workshop.planner.loading')}</p>}
      {assignments && (
        <div className="planner-columns">
          {groups.map((group) => {
            const members = participants.filter((person) => assignments[person.id] === group.id)
            const repeated = repeatedMunicipalities(members)
            return (
              <section
                key={group.id}
                className={`planner-column${dropTarget === group.id ? ' drop-target' : ''}`}
                aria-labelledby={`planner-${group.id}`}
                data-testid={`planner-${group.name}`}
                onDragOver={(event) => {
                  event.preventDefault()
                  setDropTarget(group.id)
                }}
                onDragLeave={() => setDropTarget(undefined)}
                onDrop={drop(group.id)}
              >
                <h4 id={`planner-${group.id}`}>
                  {group.name}{' '}
                  <span className="muted">
                    {t('workshop.planner.size', { count: members.length })}
                  </span>
                </h4>
                {repeated.length > 0 && (
                  <p className="planner-warning">
                    <span aria-hidden="true">⚠ </span>
                    {t('workshop.planner.repeated', { names: repeated.join(', ') })}
                  </p>
                )}
                <ul>
                  {members.map((person) => (
                    <li
                      key={person.id}
                      className="person-card"
                      draggable
                      onDragStart={(event) => {
                        event.dataTransfer.setData('text/plain', person.id)
                        event.dataTransfer.effectAllowed = 'move'
                      }}
                    >
                      <span className="grip" aria-hidden="true">
                        ⋮⋮
                      </span>
                      <span className="person">
                        <strong>{person.name}</strong>
                        {!person.boardId && (
                          <span className="newcomer-tag">{t('workshop.planner.newcomer')}</span>
                        )}
                        <span className="muted">{person.municipality || '–'}</span>
                      </span>
                      <label className="visually-hidden" htmlFor={`move-${person.id}`}>
                        {t('workshop.planner.moveTo', { name: person.name })}
                      </label>
                      <select
                        id={`move-${person.id}`}
                        value={group.id}
                        onChange={(event) => move(person.id, event.target.value)}
                      >
                        {groups.map((option) => (
                          <option key={option.id} value={option.id}>
                            {option.name}
                          </option>
                        ))}
                      </select>
                    </li>
                  ))}
                </ul>
              </section>
            )
          })}
        </div>
      )}
      <div className="row">
        <button
          type="button"
          className="primary"
          disabled={!assignments || busy}
          onClick={() => void confirm()}
        >
          {t('workshop.planner.confirm')}
        </button>
        <button type="button" onClick={reshuffleEveryone} disabled={busy || reshuffle}>
          {t('workshop.planner.again')}
        </button>
        <button type="button" className="quiet" onClick={() => onClose(false)}>
          {t('workshop.cancel')}
        </button>
      </div>
    </section>
  )
}
