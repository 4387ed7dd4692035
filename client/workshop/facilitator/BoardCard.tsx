import { useTranslation } from 'react-i18next'
import { polarityIcon } from '../../../shared/factors/polarity'
import { boardLink } from '../boardLink'
import type { BoardOverview } from '../../../shared/workshopContracts'
import { RelativeTime } from './RelativeTime'

/** One board at a glance: who is there, how far they got, and a way in. */
export function BoardCard(props: { board: BoardOverview; token: string; now: number }) {
  const { board, token, now } = props
  const { t } = useTranslation()
  const href = boardLink(board.id, token)
  const headingId = `board-${board.id}`
  return (
    <article className={`board-card kind-${board.kind}`} aria-labelledby={headingId}>
      <header>
        <h3 id={headingId}>
          <a href={href}>{board.name}</a>
        </h3>
        {board.kind === 'plenary' && <span className="tag">{t('workshop.plenary')}</span>}
        {board.kind === 'recorder' && <span className="tag">{t('workshop.recorderTag')}</span>}
      </header>
      <p className="online">
        <span aria-hidden="true" className={board.online.length > 0 ? 'dot on' : 'dot'}>
          {board.online.length > 0 ? '●' : '○'}
        </span>{' '}
        {board.online.length > 0
          ? t('workshop.online', { count: board.online.length, names: board.online.join(', ') })
          : t('workshop.nobodyOnline')}
      </p>
      <ul className="counts" aria-label={t('workshop.countsLabel')}>
        <li className="count hindering">
          <span className="count-number">
            <span aria-hidden="true">{polarityIcon.hindering} </span>
            {board.counts.hindering}
          </span>{' '}
          {t('workshop.countWord.hindering', { count: board.counts.hindering })}
        </li>
        <li className="count enabling">
          <span className="count-number">
            <span aria-hidden="true">{polarityIcon.enabling} </span>
            {board.counts.enabling}
          </span>{' '}
          {t('workshop.countWord.enabling', { count: board.counts.enabling })}
        </li>
        <li className="count unsorted">
          <span className="count-number">
            <span aria-hidden="true">◌ </span>
            {board.counts.unsorted}
          </span>{' '}
          {t('workshop.countWord.unsorted', { count: board.counts.unsorted })}
        </li>
      </ul>
      <ClusterList clusters={board.clusters} />
      <footer>
        <span className="muted small-text">
          {board.lastActivity ? (
            <>
              {t('workshop.lastActivity')} <RelativeTime at={board.lastActivity} now={now} />
            </>
          ) : (
            t('workshop.noActivity')
          )}
        </span>
        <a href={href} target="_blank" rel="noopener" className="new-tab">
          {t('workshop.openNewTab')}
          <span className="visually-hidden"> – {board.name}</span>
        </a>
      </footer>
    </article>
  )
}

/** Clusters holding notes, and how many are still empty (templates bring many). */
function ClusterList({ clusters }: { clusters: BoardOverview['clusters'] }) {
  const { t } = useTranslation()
  const used = clusters.filter((cluster) => cluster.total > 0)
  const empty = clusters.length - used.length
  if (clusters.length === 0) return <p className="muted small-text">{t('workshop.noClusters')}</p>
  return (
    <div>
      {used.length > 0 && (
        <ul className="clusters" aria-label={t('workshop.clustersLabel')}>
          {used.map((cluster) => (
            <li key={cluster.id}>
              {cluster.name || t('workshop.unnamedCluster')}{' '}
              <span className="cluster-total">{cluster.total}</span>
            </li>
          ))}
        </ul>
      )}
      {empty > 0 && (
        <p className="muted small-text">{t('workshop.emptyClusters', { count: empty })}</p>
      )}
    </div>
  )
}
