import {
  DefaultContextMenu,
  DefaultContextMenuContent,
  DefaultKeyboardShortcutsDialog,
  DefaultKeyboardShortcutsDialogContent,
  DefaultMainMenu,
  DefaultMainMenuContent,
  TldrawUiMenuCheckboxItem,
  TldrawUiMenuGroup,
  TldrawUiMenuItem,
  useActions,
  useEditor,
  useValue,
  type TLComponents,
  type TLUiContextMenuProps,
  type TLUiKeyboardShortcutsDialogProps,
  type TLUiOverrides,
} from 'tldraw'
import { createCluster, selectedCluster, tidy } from '../clusters/clusterCommands'
import { useBoardSettings } from './BoardSettingsContext'
import { cyclePolarity } from './polarityCommands'
import { tldrawStrings } from './strings'
import { FactorStylePanel, FactorToolbar } from './toolbar'

/** `p` for polarity: free in tldraw's shortcuts, and the same word in Swedish and English. */
export const CYCLE_POLARITY_KEY = 'p'

export const ACTION = {
  cyclePolarity: 'samskapa.cycle-polarity',
  newCluster: 'samskapa.new-cluster',
  tidyCluster: 'samskapa.tidy-cluster',
} as const

/** Our commands as tldraw actions, so they show in its menus and shortcuts with their keys. */
export const factorOverrides: TLUiOverrides = {
  translations: tldrawStrings,
  actions(editor, actions, helpers) {
    return {
      ...actions,
      [ACTION.cyclePolarity]: {
        id: ACTION.cyclePolarity,
        label: ACTION.cyclePolarity,
        kbd: CYCLE_POLARITY_KEY,
        onSelect: () => cyclePolarity(editor, editor.getSelectedShapeIds()),
      },
      [ACTION.newCluster]: {
        id: ACTION.newCluster,
        label: ACTION.newCluster,
        onSelect: () => {
          const id = createCluster(editor, helpers.msg(ACTION.newCluster))
          editor.setEditingShape(id)
        },
      },
      [ACTION.tidyCluster]: {
        id: ACTION.tidyCluster,
        label: ACTION.tidyCluster,
        onSelect: () => {
          const cluster = selectedCluster(editor)
          if (cluster) tidy(editor, cluster.id)
        },
      },
    }
  },
}

/** A menu entry for one of our actions, with its label and shortcut as tldraw registered them. */
function ActionItem({ id }: { id: string }) {
  const action = useActions()[id]
  if (!action) return null
  return (
    <TldrawUiMenuItem
      id={action.id}
      label={action.label}
      kbd={action.kbd}
      onSelect={action.onSelect}
    />
  )
}

function FactorMenuGroup() {
  return (
    <TldrawUiMenuGroup id="samskapa-factors">
      <ActionItem id={ACTION.cyclePolarity} />
      <ActionItem id={ACTION.newCluster} />
      <ActionItem id={ACTION.tidyCluster} />
    </TldrawUiMenuGroup>
  )
}

function AnonymousMenuItem() {
  const { settings, update, canManageBoard } = useBoardSettings()
  if (!canManageBoard) return null
  return (
    <TldrawUiMenuCheckboxItem
      id="samskapa.anonymous"
      label="samskapa.anonymous"
      checked={settings.anonymous}
      onSelect={() => update({ anonymous: !settings.anonymous })}
    />
  )
}

function ContextMenu(props: TLUiContextMenuProps) {
  const editor = useEditor()
  const hasSelection = useValue('has selection', () => editor.getSelectedShapeIds().length > 0, [
    editor,
  ])
  return (
    <DefaultContextMenu {...props}>
      {hasSelection && <FactorMenuGroup />}
      <DefaultContextMenuContent />
    </DefaultContextMenu>
  )
}

function KeyboardShortcutsDialog(props: TLUiKeyboardShortcutsDialogProps) {
  return (
    <DefaultKeyboardShortcutsDialog {...props}>
      <TldrawUiMenuGroup id="samskapa-factors">
        <ActionItem id={ACTION.cyclePolarity} />
      </TldrawUiMenuGroup>
      <DefaultKeyboardShortcutsDialogContent />
    </DefaultKeyboardShortcutsDialog>
  )
}

export const factorComponents: TLComponents = {
  MainMenu: () => (
    <DefaultMainMenu>
      <TldrawUiMenuGroup id="samskapa-board">
        <FactorMenuGroupItems />
        <AnonymousMenuItem />
      </TldrawUiMenuGroup>
      <DefaultMainMenuContent />
    </DefaultMainMenu>
  ),
  ContextMenu,
  KeyboardShortcutsDialog,
  Toolbar: FactorToolbar,
  StylePanel: FactorStylePanel,
}

function FactorMenuGroupItems() {
  return (
    <>
      <ActionItem id={ACTION.newCluster} />
      <ActionItem id={ACTION.tidyCluster} />
    </>
  )
}
