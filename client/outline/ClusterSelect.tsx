import { useTranslation } from 'react-i18next'
import type { ClusterOutcome } from '../../shared/factors'

/** The value that stands for "no cluster": a cluster id is never empty. */
export const UNSORTED = ''

export function clusterLabel(name: string, unnamed: string) {
  return name.trim() || unnamed
}

/** A labelled select of the board's clusters, with "unsorted" first. */
export function ClusterSelect(props: {
  id: string
  label: string
  clusters: readonly ClusterOutcome[]
  value: string
  onChange: (clusterId: string) => void
}) {
  const { t } = useTranslation()
  return (
    <>
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value={UNSORTED}>{t('outline.unsorted')}</option>
        {props.clusters.map((cluster) => (
          <option key={cluster.id} value={cluster.id}>
            {clusterLabel(cluster.name, t('outline.unnamed'))}
          </option>
        ))}
      </select>
    </>
  )
}
