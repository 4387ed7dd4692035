import { defaultShapeUtils } from 'tldraw'
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import { ClusterFrameShapeUtil } from './clusters/ClusterFrameShapeUtil'
import { FactorNoteShapeUtil } from './factors/FactorNoteShapeUtil'

/** Fonts, icons and tldraw's translations are bundled by Vite and served by our own server. */
export const assetUrls = getAssetUrlsByImport()

/**
 * Notes are factors and frames may be clusters: tldraw's shapes, same types, with our badges.
 * The canvas, captures and exports all draw with these.
 */
export const shapeUtils = [
  ...defaultShapeUtils.filter((util) => util.type !== 'note' && util.type !== 'frame'),
  FactorNoteShapeUtil,
  ClusterFrameShapeUtil,
]
