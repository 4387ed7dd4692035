import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  Tldraw,
  atom,
  createTLCurrentUser,
  createTLStore,
  defaultShapeUtils,
  type Editor,
  type TLUserPreferences,
} from 'tldraw'
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import 'tldraw/tldraw.css'
import { bindStoreToDoc } from '../../shared/board/storeBinding'
import type { BoardSync } from './useBoardSync'
import { bindPresence } from './presence'
import type { Identity } from './identity'
import { ConnectionBanner } from './ConnectionBanner'
import { LicenseNotice } from './LicenseNotice'
import { readBoardSettings } from '../../shared/board/boardSettings'
import type { BoardInfo } from '../../shared/contracts'
import { DayBar } from '../day/DayBar'
import { useInputPaused } from '../day/timer/useInputPaused'
import { keepFacilitatorLocks } from '../day/attention/facilitatorLock'
import { LockButton } from '../day/attention/LockButton'
import { SummonButton } from '../day/attention/SummonButton'
import { followSummon } from '../day/attention/followSummons'
import { BoardVoteContext, useBoardVote } from '../day/votes/useBoardVote'
import { VoteBadges } from '../day/votes/VoteBadges'
import { VoteBar } from '../day/votes/VoteBar'
import { voteByClick } from '../day/votes/voteByClick'
import { isPrivateDraft } from '../day/silent/privateDrafts'
import { SilentWritingNotice } from '../day/silent/SilentWritingNotice'
import { usePrivateDrafts } from '../day/silent/usePrivateDrafts'
import { useLiveScope } from '../day/LiveContext'
import { BoardTools } from '../outline/BoardTools'
import { OutlineView } from '../outline/OutlineView'
import type { BoardView } from '../outline/ViewToggle'
import { FacilitatorBanner } from '../workshop/board/FacilitatorBanner'
import { SynthesisPanel } from '../workshop/board/SynthesisPanel'
import type { WorkshopContext } from '../workshop/board/workshopContext'
import { BoardSettingsContext, useBoardSettingsState } from './factors/BoardSettingsContext'
import { factorComponents, factorOverrides } from './factors/canvasUi'
import { enterFinishesNote } from './factors/enterFinishesNote'
import { fitNotesToText } from './factors/fitNotesToText'
import { FactorNoteShapeUtil } from './factors/FactorNoteShapeUtil'
import { FactorPanel } from './factors/FactorPanel'
import { registerFactorSideEffects } from './factors/factorSideEffects'
import { ClusterFrameShapeUtil } from './clusters/ClusterFrameShapeUtil'

// Fonts, icons and tldraw's translations are bundled by Vite and served by our own server.
const assetUrls = getAssetUrlsByImport()

// Notes are factors and frames may be clusters: tldraw's shapes, same types, with our badges.
const shapeUtils = [
  ...defaultShapeUtils.filter((util) => util.type !== 'note' && util.type !== 'frame'),
  FactorNoteShapeUtil,
  ClusterFrameShapeUtil,
]

interface BoardEditorProps {
  sync: BoardSync
  me: Identity
  licenseKey: string
  board: BoardInfo
  /** May change board-wide settings such as anonymity. */
  canManageBoard?: boolean
  /** A viewer's board: tldraw's read-only mode; the server drops a viewer's edits anyway. */
  readOnly?: boolean
  workshop?: WorkshopContext
  notice?: string
}

/** The tldraw canvas, bound to the board's Y.Doc, with presence and connection status. */
export function BoardEditor(props: BoardEditorProps) {
  const { sync, me, licenseKey, board, canManageBoard = true, readOnly = false } = props
  const { workshop, notice } = props
  const store = useMemo(() => createTLStore({ shapeUtils }), [])
  const [editor, setEditor] = useState<Editor>()
  const { doc, provider, connection, unsaved, noteLocalChanges } = sync
  const settings = useBoardSettingsState(doc, canManageBoard)
  const [view, setView] = useState<BoardView>('canvas')
  // The facilitator's pause (timer at zero, a locked step) holds participants, not the facilitator.
  const paused = useInputPaused(board.id) && !canManageBoard && !readOnly
  const boardVote = useBoardVote(board.id)
  const castByClick = boardVote?.open ? boardVote.cast : undefined
  // While a participant votes, a click on a note only votes: nothing moves by accident.
  const locked = readOnly || paused || castByClick !== undefined
  const { t, i18n } = useTranslation()
  const outlineSynthesis = useMemo(
    () => workshop && { groupNames: workshop.groupNames, canEdit: canManageBoard && !readOnly },
    [workshop, canManageBoard, readOnly],
  )

  useEffect(() => {
    editor?.updateInstanceState({ isReadonly: locked })
  }, [editor, locked])

  const isParticipant = !canManageBoard && !readOnly
  usePrivateDrafts(editor, { boardId: board.id, awareness: provider.awareness, isParticipant })
  const live = useLiveScope()?.live
  const privateWriting = live?.state?.day.privateWriting === true
  const attention = live?.attention
  useEffect(() => {
    if (editor && attention && !canManageBoard) followSummon(editor, attention, board.id)
  }, [editor, attention, canManageBoard, board.id])

  const voteTarget = boardVote?.vote.target
  useEffect(() => {
    if (!editor || !castByClick || !voteTarget) return
    return voteByClick(editor, voteTarget, (itemId, delta) => void castByClick(itemId, delta))
  }, [editor, castByClick, voteTarget])

  const user = useMemo(() => {
    const preferences = atom<TLUserPreferences>('preferences', {
      id: me.id,
      name: me.name,
      color: me.color,
      locale: i18n.language,
    })
    return createTLCurrentUser({
      userPreferences: preferences,
      setUserPreferences: preferences.set,
    })
  }, [me, i18n.language])

  useEffect(() => {
    const binding = bindStoreToDoc(store, doc, {
      onLocalFlush: noteLocalChanges,
      keepLocal: isPrivateDraft,
    })
    const unbindPresence = bindPresence(store, provider.awareness, me)
    return () => {
      unbindPresence()
      binding.dispose()
    }
  }, [store, doc, provider, me, noteLocalChanges])

  useEffect(() => {
    if (!editor) return
    const author = () => (readBoardSettings(doc).anonymous ? undefined : me.name || undefined)
    const unregister = registerFactorSideEffects(editor, { author })
    const stopEnter = enterFinishesNote(editor)
    const stopFitting = readOnly ? () => undefined : fitNotesToText(editor, provider.awareness)
    const stopLocks = canManageBoard ? () => undefined : keepFacilitatorLocks(editor)
    return () => {
      stopLocks()
      stopFitting()
      stopEnter()
      unregister()
    }
  }, [editor, doc, provider, me, readOnly, canManageBoard])

  return (
    <BoardSettingsContext.Provider value={settings}>
      <BoardVoteContext.Provider value={boardVote}>
        <div className="board">
          <ConnectionBanner
            connection={connection}
            unsaved={unsaved}
            title={board.title}
            readOnly={readOnly}
            overviewUrl={workshop?.overviewUrl}
          >
            <BoardTools board={board} view={view} onViewChange={setView} readOnly={readOnly} />
          </ConnectionBanner>
          <DayBar canRunDay={canManageBoard} boardId={board.id}>
            {privateWriting && (
              <SilentWritingNotice awareness={provider.awareness} isParticipant={isParticipant} />
            )}
            {boardVote && (
              <VoteBar vote={boardVote} boardId={board.id} canRunDay={canManageBoard} />
            )}
            {canManageBoard && <SummonButton editor={editor} boardId={board.id} />}
            {canManageBoard && <LockButton editor={editor} />}
          </DayBar>
          <FacilitatorBanner doc={doc} boardId={board.id} />
          {paused && (
            <p className="board-notice input-paused" role="status">
              <span aria-hidden="true">⏸ </span>
              {t('day.timer.inputPaused')}
            </p>
          )}
          {notice && (
            <p className="board-notice" role="status">
              {notice}
            </p>
          )}
          {view === 'outline' && (
            <OutlineView
              doc={doc}
              author={me.name}
              readOnly={locked}
              synthesis={outlineSynthesis}
            />
          )}
          {/* The canvas stays mounted while the outline shows, so switching back is instant. */}
          <div className="board-workspace" hidden={view === 'outline'}>
            <div className="board-canvas">
              <Tldraw
                store={store}
                shapeUtils={shapeUtils}
                overrides={factorOverrides}
                components={factorComponents}
                licenseKey={licenseKey || undefined}
                assetUrls={assetUrls}
                user={user}
                onMount={(mounted) => {
                  if (readOnly) mounted.updateInstanceState({ isReadonly: true })
                  setEditor(mounted)
                  void mounted.zoomToFit({ animation: { duration: 0 } })
                }}
              >
                <VoteBadges />
                {workshop && (
                  <SynthesisPanel
                    workshop={workshop}
                    doc={doc}
                    canEdit={canManageBoard && !readOnly}
                  />
                )}
              </Tldraw>
              <LicenseNotice />
            </div>
            {!readOnly && <FactorPanel editor={editor} />}
          </div>
        </div>
      </BoardVoteContext.Provider>
    </BoardSettingsContext.Provider>
  )
}
