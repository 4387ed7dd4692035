import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type {
  VoteTarget,
  VoteView,
  WorkshopBoardSummary,
  WorkshopDay,
} from '../../../shared/workshopContracts'
import type { WorkshopApi } from '../../workshop/workshopApi'
import { VoteResultList } from './VoteResultList'
import './strings'
import './votes.css'

const ALL_GROUPS = ''

/** The facilitator's dot voting: start a vote on one board or all group boards, close it, results. */
export function VotePanel(props: {
  day: WorkshopDay
  api: WorkshopApi
  boards: WorkshopBoardSummary[]
}) {
  const { t, i18n } = useTranslation()
  const { day, api, boards } = props
  const [error, setError] = useState<string>()
  const run = async (action: () => Promise<unknown>) => {
    setError(undefined)
    try {
      await action()
    } catch (e) {
      setError((e as Error).message)
    }
  }
  const boardNames = Object.fromEntries(boards.map((board) => [board.id, board.name]))
  const active = day.votes.find((vote) => vote.closedAt === null)
  const earlier = day.votes.filter((vote) => vote.closedAt !== null).reverse()
  const time = (at: number) =>
    new Date(at).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' })
  return (
    <div className="vote-panel">
      {active ? (
        <ActiveVote
          vote={active}
          boardNames={boardNames}
          onClose={() => run(() => api.closeVote(active.id))}
        />
      ) : (
        <StartVoteForm boards={boards} onStart={(body) => run(() => api.startVote(body))} />
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {earlier.length > 0 && (
        <>
          <h3>{t('vote.earlier')}</h3>
          <ol className="vote-earlier">
            {earlier.map((vote) => (
              <li key={vote.id}>
                <details open={vote === earlier[0]}>
                  <summary>{t('vote.resultsOf', { time: time(vote.closedAt!) })}</summary>
                  <VoteResultList results={vote.results ?? []} boardNames={boardNames} />
                </details>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  )
}

function ActiveVote(props: {
  vote: VoteView
  boardNames: Record<string, string>
  onClose: () => void
}) {
  const { t } = useTranslation()
  const { vote } = props
  const target = t(vote.target === 'notes' ? 'vote.targetNotes' : 'vote.targetClusters')
  return (
    <div data-testid="active-vote">
      <p>
        <strong>{t('vote.running', { votes: vote.votesPerPerson, target })}</strong>
        {vote.budgets && <> ({t('vote.budgetsRunning', { ...vote.budgets })})</>}
        <br />
        <span className="muted">
          {vote.boardIds.map((id) => props.boardNames[id] ?? id).join(', ')}
        </span>
      </p>
      {vote.results ? (
        <VoteResultList results={vote.results} boardNames={props.boardNames} />
      ) : (
        <p className="muted">{t('vote.hiddenUntilClose')}</p>
      )}
      <button type="button" className="primary small" onClick={props.onClose}>
        {t('vote.close')}
      </button>
    </div>
  )
}

function StartVoteForm(props: {
  boards: WorkshopBoardSummary[]
  onStart: (body: Parameters<WorkshopApi['startVote']>[0]) => void
}) {
  const { t } = useTranslation()
  const [scope, setScope] = useState(ALL_GROUPS)
  const [target, setTarget] = useState<VoteTarget>('notes')
  const [votesPerPerson, setVotesPerPerson] = useState(3)
  const [maxPerItem, setMaxPerItem] = useState('')
  const [showLive, setShowLive] = useState(false)
  const [separate, setSeparate] = useState(false)
  const [budgets, setBudgets] = useState({ hindering: 2, enabling: 2 })
  const budgetInput = (polarity: 'hindering' | 'enabling') => (
    <label>
      {t(polarity === 'hindering' ? 'vote.budgetHindering' : 'vote.budgetEnabling')}
      <input
        type="number"
        min={0}
        max={20}
        value={budgets[polarity]}
        onChange={(e) =>
          setBudgets({
            ...budgets,
            [polarity]: Math.min(20, Math.max(0, Number(e.target.value) || 0)),
          })
        }
      />
    </label>
  )
  const splitBudgets = separate && target === 'notes'
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault()
        props.onStart({
          boardIds: scope === ALL_GROUPS ? undefined : [scope],
          target,
          // Separate budgets: the total is their sum, so neither can go unused for the other.
          votesPerPerson: splitBudgets
            ? Math.max(1, budgets.hindering + budgets.enabling)
            : votesPerPerson,
          budgets: splitBudgets ? budgets : undefined,
          maxPerItem: maxPerItem === '' ? undefined : Number(maxPerItem),
          hidden: !showLive,
        })
      }}
    >
      <label>
        {t('vote.scope')}
        <select value={scope} onChange={(e) => setScope(e.target.value)}>
          <option value={ALL_GROUPS}>{t('vote.allGroups')}</option>
          {props.boards.map((board) => (
            <option key={board.id} value={board.id}>
              {board.name}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>{t('vote.target')}</legend>
        {(['notes', 'clusters'] as const).map((value) => (
          <label key={value} className="checkbox">
            <input
              type="radio"
              name="vote-target"
              checked={target === value}
              onChange={() => setTarget(value)}
            />
            {t(`vote.${value}`)}
          </label>
        ))}
      </fieldset>
      {target === 'notes' && (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={separate}
            onChange={(e) => setSeparate(e.target.checked)}
          />
          {t('vote.separateBudgets')}
        </label>
      )}
      {splitBudgets ? (
        <fieldset className="vote-budgets">
          <legend>{t('vote.perPerson')}</legend>
          {budgetInput('hindering')}
          {budgetInput('enabling')}
        </fieldset>
      ) : (
        <label>
          {t('vote.perPerson')}
          <input
            type="number"
            min={1}
            max={20}
            value={votesPerPerson}
            onChange={(e) =>
              setVotesPerPerson(Math.min(20, Math.max(1, Number(e.target.value) || 1)))
            }
          />
        </label>
      )}
      <label>
        {t('vote.maxPerItem')}
        <input
          type="number"
          min={1}
          max={20}
          value={maxPerItem}
          onChange={(e) => setMaxPerItem(e.target.value)}
        />
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={showLive} onChange={(e) => setShowLive(e.target.checked)} />
        {t('vote.showLive')}
      </label>
      <button type="submit" className="primary small">
        {t('vote.start')}
      </button>
    </form>
  )
}
