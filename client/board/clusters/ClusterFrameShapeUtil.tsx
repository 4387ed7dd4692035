import { FrameShapeUtil, type TLFrameShape } from 'tldraw'
import { isCluster } from '../../../shared/factors/isCluster'
import { asRecordJson } from '../factors/records'
import { ClusterCounts } from './ClusterCounts'
import './clusters.css'

/** tldraw's frame; a cluster frame also shows its counts in its header line. */
export class ClusterFrameShapeUtil extends FrameShapeUtil {
  override component(frame: TLFrameShape) {
    if (!isCluster(asRecordJson(frame))) return super.component(frame)
    return (
      <>
        {super.component(frame)}
        <ClusterCounts frame={frame} />
      </>
    )
  }
}
