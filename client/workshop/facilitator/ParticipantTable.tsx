import { useTranslation } from 'react-i18next'
import type {
  BoardOverview,
  ParticipantSummary as Participant,
} from '../../../shared/workshopContracts'

/** Everyone who joined, with their municipality and current group. */
export function ParticipantTable(props: { participants: Participant[]; boards: BoardOverview[] }) {
  const { t } = useTranslation()
  const boardName = new Map(props.boards.map((board) => [board.id, board.name]))
  if (props.participants.length === 0) {
    return <p className="muted">{t('workshop.participants.none')}</p>
  }
  return (
    <table className="participants">
      <caption className="visually-hidden">{t('workshop.participants.heading')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('workshop.participants.name')}</th>
          <th scope="col">{t('workshop.participants.municipality')}</th>
          <th scope="col">{t('workshop.participants.group')}</th>
        </tr>
      </thead>
      <tbody>
        {props.participants.map((person) => (
          <tr key={person.id}>
            <td>{person.name}</td>
            <td>{person.municipality || <span className="muted">–</span>}</td>
            <td>
              {person.boardId ? (
                boardName.get(person.boardId)
              ) : (
                <span className="muted">{t('workshop.participants.noGroup')}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
