import type { RecordJson } from '../board/boardDoc'
import type { JsonValue } from '../board/yjsValue'
import { asObject, props } from './recordFields'

/** All text nodes below a TipTap node, in document order; hard breaks become newlines. */
function inlineText(node: JsonValue | undefined): string {
  const object = asObject(node)
  if (object.type === 'text' && typeof object.text === 'string') return object.text
  if (object.type === 'hardBreak') return '\n'
  const content = Array.isArray(object.content) ? object.content : []
  return content.map(inlineText).join('')
}

/** Plain text of a TipTap document: its top-level blocks (paragraphs) joined by newlines. */
export function richTextToPlain(richText: JsonValue | undefined): string {
  const blocks = asObject(richText).content
  if (!Array.isArray(blocks)) return ''
  return blocks.map(inlineText).join('\n')
}

/** A note's text as plain text, read from its `props.richText`. */
export function factorText(record: RecordJson): string {
  return richTextToPlain(props(record).richText)
}
