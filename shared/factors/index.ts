export { isPolarity, POLARITIES, type Factor, type Polarity } from './Factor'
export { factorText, richTextToPlain } from './factorText'
export { isCluster, clusterName } from './isCluster'
export { isFactorRecord, readFactor } from './readFactor'
export { computeOutcome, type ClusterOutcome, type Outcome } from './computeOutcome'
export { countFactors, countOutcome, type OutcomeCounts, type PolarityCounts } from './countOutcome'
export { nextPolarity, polarityColour, polarityIcon, polarityLabel, polarityWord } from './polarity'
export {
  parseFactorCsv,
  parseFactorList,
  type ImportedFactor,
  type ImportError,
  type ImportResult,
} from './parseImport'
export { decodeImport, type DecodedImport, type ImportEncoding } from './decodeImport'
export { MAX_FACTOR_TEXT, MAX_IMPORT_FACTORS, type ImportErrorCode } from './importErrors'
export { layoutFactors, type LayoutInput } from './layoutFactors'
export { tidyCluster, type NotePlacement } from './tidyCluster'
export type { Rect } from './rect'
