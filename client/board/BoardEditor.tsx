import { RebuiltNotice } from './RebuiltNotice'
import { useEffect, useEffectEvent, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  Tldraw,
  atom,
  createTLCurrentUser,
  createTLStore,
  type Editor,
  type TLUser,
  type TLUserPreferences,
  type TLUserStore,
} from 'tldraw'
import 'tldraw/tldraw.css'
import { bindStoreToDoc } from '../../shared/board/storeBinding'
import { serverAssetStore } from '../assets/assetStore'
import type { BoardSync } from './useBoardSync'
import { bindPresence } from './presence'
import type { Identity } from './identity'
import { ConnectionBanner } from './ConnectionBanner'
import { LicenseNotice } from './LicenseNotice'
import { readBoardSettings } from '../../shared/board/boardSettings'
import type { BoardInfo } from '../../shared/contracts'
import { CapturePanel } from '../capture/CapturePanel'
import '../capture/strings'
import { DayBar } from '../day/DayBar'
import { useInputPaused } from '../day/timer/useInputPaused'
import { keepFacilitatorLocks } from '../day/attention/facilitatorLock'
import { LockButton } from '../day/attention/LockButton'
import { SummonButton } from '../day/attention/SummonButton'
import { followSummon } from '../day/attention/followSummons'
import { AttentionControls } from '../day/attention/AttentionControls'
import { AttentionNotice } from '../day/attention/AttentionNotice'
import { SpotlightOverlay } from '../day/attention/SpotlightOverlay'
import { useBoardAttention } from '../day/attention/useBoardAttention'
import { useResumeAfterHold } from '../day/attention/useResumeAfterHold'
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
import { FacilitatorBanner } from '../workshop/board/FacilitatorBanner'
import { SynthesisPanel } from '../workshop/board/SynthesisPanel'
import type { WorkshopContext } from '../workshop/board/workshopContext'
import { BoardSettingsContext, useBoardSettingsState } from './factors/BoardSettingsContext'
import { factorComponents, factorOverrides } from './factors/canvasUi'
import { enterFinishesNote } from './factors/enterFinishesNote'
import { fitNotesToText } from './factors/fitNotesToText'
import { FactorPanel } from './factors/FactorPanel'
import { SidePanel } from './SidePanel'
import { registerFactorSideEffects } from './factors/factorSideEffects'
import { PHONE_QUERY, useMediaQuery } from '../common/useMediaQuery'
import { rememberNotesWrittenHere } from '../writing/ownNotes'
import { WritingView } from '../writing/WritingView'
import type { BoardView } from '../outline/ViewToggle'
import { assetUrls, shapeUtils } from './boardShapes'
import { BoardFullNotice } from './recordLimit/BoardFullNotice'

export interface BoardEditorProps {
  sync: BoardSync
  me: Identity
  licenseKey: string
  board: BoardInfo
  /** Records the board may hold (the server's MAX_RECORDS_PER_BOARD). */
  maxRecords: number
  /** May change board-wide settings such as anonymity. */
  canManageBoard?: boolean
  /** A board the role may not change (viewer; recorder off its board): the server drops edits anyway. */
  readOnly?: boolean
  workshop?: WorkshopContext
  notice?: string
  /** The recorder's board: Fånga alla grupper and Fånga show beside the canvas. */
  canCapture?: boolean
  /** A standalone board: its picture may go to any board the person may edit. */
  canCaptureElsewhere?: boolean
}

/**
 * No tldraw attribution: it would write a `user:` record into the shared doc on every open and
 * stamp `textLastEditedBy` on notes. Who wrote a note is `meta.author`, which the board's
 * anonymity setting and an erase govern.
 */
const noAttribution: TLUserStore = { currentUser: atom<TLUser | null>('no attribution', null) }

/** The tldraw canvas, bound to the board's Y.Doc, with presence and connection status. */
export function BoardEditor(props: BoardEditorProps) {
  const { sync, me, licenseKey, board, maxRecords, canManageBoard = true, readOnly = false } = props
  const { workshop, notice } = props
  const { t, i18n } = useTranslation()
  const store = useMemo(
    () => createTLStore({ shapeUtils, assets: serverAssetStore(board), users: noAttribution }),
    [board],
  )
  // tldraw mounts while the doc still loads (its mount costs about as long as the sync takes);
  // the page gets the editor only once the board is bound into its store.
  const [mounted, setMounted] = useState<Editor>()
  const [editor, setEditor] = useState<Editor>()
  const ready = sync.ready
  // tldraw's own limit (shapes on one page, 4,000 unless told) is put well above the board's,
  // so the board's, checked as changes enter the doc, is the one a person meets, in their
  // language. Only one paste bigger than the whole board still meets tldraw's.
  const tldrawOptions = useMemo(() => ({ maxShapesPerPage: 2 * maxRecords }), [maxRecords])
  const [keptOut, setKeptOut] = useState(false)
  const { doc, provider, connection, unsaved, noteLocalChanges } = sync
  const settings = useBoardSettingsState(doc, canManageBoard)
  const isParticipant = !canManageBoard && !readOnly
  const live = useLiveScope()?.live
  const privateWriting = live?.state?.day.privateWriting === true
  // During silent writing a participant writes on the canvas only: the writing view and the
  // outline write straight into the shared doc, which takes no new notes then.
  const writingAlone = privateWriting && isParticipant
  const attention = useBoardAttention(editor, board.id, !canManageBoard)
  // The facilitator's pause (timer at zero, a locked step, Ta kontroll) holds participants only.
  const timeOrStepPaused = useInputPaused(board.id) && isParticipant
  const paused = timeOrStepPaused || (attention.controlled && isParticipant)
  useResumeAfterHold(sync, paused)
  const phone = useMediaQuery(PHONE_QUERY)
  // A phone writes first; the canvas is one tap away. Viewers have nothing to write.
  const views: BoardView[] =
    phone && !readOnly && !writingAlone && !paused
      ? ['write', 'canvas', 'outline']
      : ['canvas', 'outline']
  const [chosenView, setView] = useState<BoardView>(phone && !readOnly ? 'write' : 'canvas')
  const view = views.includes(chosenView) ? chosenView : 'canvas'
  // Laid out but unseen while the board loads, so a click cannot land on an empty canvas.
  const shown = view === 'canvas' && ready
  const author = settings.settings.anonymous ? undefined : me.name || undefined
  const boardVote = useBoardVote(board.id)
  const castByClick = boardVote?.open ? boardVote.cast : undefined
  // While a participant votes, a click on a note only votes: nothing moves by accident.
  const locked = readOnly || paused || castByClick !== undefined
  const outlineSynthesis = useMemo(
    () => workshop && { groupNames: workshop.groupNames, canEdit: canManageBoard && !readOnly },
    [workshop, canManageBoard, readOnly],
  )

  useEffect(() => {
    editor?.updateInstanceState({ isReadonly: locked })
  }, [editor, locked])

  usePrivateDrafts(editor, { boardId: board.id, awareness: provider.awareness, isParticipant })
  const summons = live?.attention
  useEffect(() => {
    if (editor && summons && !canManageBoard) followSummon(editor, summons, board.id)
  }, [editor, summons, canManageBoard, board.id])

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

  /**
   * Fills tldraw's store from the doc, keeps the two in step and shares presence, until tldraw
   * drops the editor (a new board or doc means a new store, so a new editor). It runs once
   * tldraw has mounted the editor over the empty store and the doc holds the board, as a plain
   * tldraw page loading records does: an editor created over a full store lays out every note
   * before its first render, waits for their fonts, draws them all at the default camera and
   * then again after zoomToFit, about a second and a half on a 2,000-note board.
   */
  const bindBoard = useEffectEvent((mounted: Editor) => {
    const binding = bindStoreToDoc(mounted.store, doc, {
      onLocalFlush: noteLocalChanges,
      // A page that may not write sends nothing: tldraw still puts records of its own (the
      // person's `user` record), and a recorder's socket on a group board would close for it.
      keepLocal: readOnly ? () => true : isPrivateDraft,
      maxRecords,
      onRecordLimit: () => setKeptOut(true),
    })
    const unbindPresence = bindPresence(mounted.store, provider.awareness, me)
    // The page's bars appeared with the board, after tldraw measured its (then taller) canvas.
    mounted.updateViewportScreenBounds(mounted.getContainer())
    void mounted.zoomToFit({ animation: { duration: 0 } })
    return () => {
      unbindPresence()
      binding.dispose()
    }
  })

  useEffect(() => {
    if (!mounted || !ready) return
    const unbind = bindBoard(mounted)
    // The page gets the editor only now, once its store holds the board.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- set after the binding, on purpose
    setEditor(mounted)
    return () => {
      setEditor(undefined)
      unbind()
    }
  }, [mounted, ready])

  useEffect(() => {
    if (!editor) return
    const tellFull = () => setKeptOut(true)
    editor.on('max-shapes', tellFull)
    return () => void editor.off('max-shapes', tellFull)
  }, [editor])

  useEffect(() => {
    if (!editor) return
    const author = () => (readBoardSettings(doc).anonymous ? undefined : me.name || undefined)
    const unregister = registerFactorSideEffects(editor, { author })
    const stopRemembering = rememberNotesWrittenHere(editor, board.id)
    const stopEnter = enterFinishesNote(editor)
    const stopFitting = readOnly ? () => undefined : fitNotesToText(editor, provider.awareness)
    const stopLocks = canManageBoard ? () => undefined : keepFacilitatorLocks(editor)
    return () => {
      stopLocks()
      stopFitting()
      stopEnter()
      stopRemembering()
      unregister()
    }
  }, [editor, doc, provider, me, readOnly, canManageBoard, board.id])

  return (
    <BoardSettingsContext.Provider value={settings}>
      <BoardVoteContext.Provider value={boardVote}>
        <div className="board">
          {/* The page's bars and views come with the board: each reads the doc as it mounts. */}
          {ready && (
            <>
              <ConnectionBanner
                connection={connection}
                unsaved={unsaved}
                title={board.title}
                readOnly={readOnly}
                overviewUrl={workshop?.overviewUrl}
              >
                <BoardTools
                  board={board}
                  view={view}
                  views={views}
                  onViewChange={setView}
                  readOnly={readOnly}
                  canRestore={canManageBoard && !readOnly}
                  editor={editor}
                  canCaptureElsewhere={props.canCaptureElsewhere}
                />
              </ConnectionBanner>
              <DayBar canRunDay={canManageBoard} boardId={board.id}>
                {privateWriting && (
                  <SilentWritingNotice
                    awareness={provider.awareness}
                    isParticipant={isParticipant}
                  />
                )}
                {boardVote && (
                  <VoteBar vote={boardVote} boardId={board.id} canRunDay={canManageBoard} />
                )}
                {canManageBoard && <SummonButton editor={editor} boardId={board.id} />}
                {canManageBoard && (
                  <AttentionControls
                    editor={editor}
                    boardId={board.id}
                    standing={attention.standing}
                    spotlight={attention.spotlight}
                  />
                )}
                {canManageBoard && <LockButton editor={editor} />}
              </DayBar>
              <FacilitatorBanner doc={doc} boardId={board.id} />
              <AttentionNotice attention={attention} />
              {sync.full && <BoardFullNotice refusedBy="server" onRetry={sync.retryAfterFull} />}
              {keptOut && !sync.full && (
                <BoardFullNotice
                  refusedBy="page"
                  maxRecords={maxRecords}
                  onDismiss={() => setKeptOut(false)}
                />
              )}
              {sync.held && (
                <p className="board-notice in-flow-notice attention-notice" role="status">
                  {t('attention.held')}
                </p>
              )}
              {timeOrStepPaused && (
                <p className="board-notice input-paused" role="status">
                  <span aria-hidden="true">⏸ </span>
                  {t('day.timer.inputPaused')}
                </p>
              )}
              <RebuiltNotice rebuilt={sync.rebuilt} />
              {notice && (
                <p className="board-notice" role="status">
                  {notice}
                </p>
              )}
            </>
          )}
          <div className="board-body">
            {!ready && (
              <p className="board-loading" role="status">
                {t('board.loading')}
              </p>
            )}
            {ready && view === 'outline' && (
              <OutlineView
                doc={doc}
                author={author}
                readOnly={locked || writingAlone}
                maxRecords={maxRecords}
                synthesis={outlineSynthesis}
              />
            )}
            {ready && view === 'write' && (
              <WritingView doc={doc} boardId={board.id} author={author} maxRecords={maxRecords} />
            )}
            {/* The canvas stays mounted and laid out (only unseen) while another view shows:
              switching back is instant, and tldraw can still measure text for remote edits. */}
            <div
              className={`board-workspace${shown ? '' : ' board-workspace-behind'}`}
              inert={!shown}
            >
              <div className="board-canvas">
                <Tldraw
                  store={store}
                  shapeUtils={shapeUtils}
                  overrides={factorOverrides}
                  components={factorComponents}
                  licenseKey={licenseKey || undefined}
                  assetUrls={assetUrls}
                  user={user}
                  options={tldrawOptions}
                  onMount={(mounting) => {
                    // Nothing is written before the board is bound; `locked` decides after.
                    mounting.updateInstanceState({ isReadonly: true })
                    setMounted(mounting)
                    return () => setMounted(undefined)
                  }}
                >
                  <VoteBadges />
                  <SpotlightOverlay
                    spotlight={attention.spotlight}
                    onDismiss={attention.dismissSpotlight}
                  />
                  {ready && workshop && (
                    <SynthesisPanel
                      workshop={workshop}
                      doc={doc}
                      canEdit={canManageBoard && !readOnly}
                    />
                  )}
                </Tldraw>
                <LicenseNotice />
              </div>
            </div>
            {!ready ? null : props.canCapture && workshop ? (
              // The recorder draws and captures; sorting notes is the groups' work.
              <SidePanel
                className="capture-side"
                title={t('capture.heading')}
                foldLabel={t('capture.fold')}
                unfoldLabel={t('capture.unfold')}
              >
                <CapturePanel
                  editor={editor}
                  board={board}
                  sources={workshop.captureSources}
                  shapeUtils={shapeUtils}
                  fonts={assetUrls.fonts}
                />
              </SidePanel>
            ) : (
              // Paused, its buttons would write what the server refuses: it comes back after.
              !readOnly && !paused && <FactorPanel editor={editor} board={board} />
            )}
          </div>
        </div>
      </BoardVoteContext.Provider>
    </BoardSettingsContext.Provider>
  )
}
