import {
  ArrowDownToolbarItem,
  ArrowLeftToolbarItem,
  ArrowRightToolbarItem,
  ArrowToolbarItem,
  ArrowUpToolbarItem,
  AssetToolbarItem,
  CheckBoxToolbarItem,
  CloudToolbarItem,
  DefaultStylePanel,
  DefaultToolbar,
  DiamondToolbarItem,
  DrawToolbarItem,
  EllipseToolbarItem,
  EraserToolbarItem,
  FrameToolbarItem,
  HandToolbarItem,
  HeartToolbarItem,
  HexagonToolbarItem,
  HighlightToolbarItem,
  LaserToolbarItem,
  LineToolbarItem,
  NoteToolbarItem,
  OvalToolbarItem,
  RectangleToolbarItem,
  RhombusToolbarItem,
  SelectToolbarItem,
  StarToolbarItem,
  TextToolbarItem,
  TriangleToolbarItem,
  XBoxToolbarItem,
  useEditor,
  useValue,
  type TLUiStylePanelProps,
} from 'tldraw'

/**
 * tldraw's toolbar with the note first after select and hand: on a phone the toolbar shows
 * only its first few tools, and writing notes is what a participant came to do.
 */
export function FactorToolbar() {
  return (
    <DefaultToolbar>
      <SelectToolbarItem />
      <HandToolbarItem />
      <NoteToolbarItem />
      <DrawToolbarItem />
      <TextToolbarItem />
      <EraserToolbarItem />
      <ArrowToolbarItem />
      <AssetToolbarItem />
      <RectangleToolbarItem />
      <EllipseToolbarItem />
      <TriangleToolbarItem />
      <DiamondToolbarItem />
      <HexagonToolbarItem />
      <OvalToolbarItem />
      <RhombusToolbarItem />
      <StarToolbarItem />
      <CloudToolbarItem />
      <HeartToolbarItem />
      <XBoxToolbarItem />
      <CheckBoxToolbarItem />
      <ArrowLeftToolbarItem />
      <ArrowUpToolbarItem />
      <ArrowDownToolbarItem />
      <ArrowRightToolbarItem />
      <LineToolbarItem />
      <HighlightToolbarItem />
      <LaserToolbarItem />
      <FrameToolbarItem />
    </DefaultToolbar>
  )
}

/**
 * tldraw's style panel only while it has something to style (a selection, or a drawing tool
 * in hand): otherwise it sits over the board's right edge, where templates keep a column.
 */
export function FactorStylePanel(props: TLUiStylePanelProps) {
  const editor = useEditor()
  const wanted = useValue(
    'style panel wanted',
    () => editor.getSelectedShapeIds().length > 0 || !editor.isIn('select'),
    [editor],
  )
  return wanted ? <DefaultStylePanel {...props} /> : null
}
