import type { Language } from '../templates/Template'
import { importErrorMessage } from './importErrors'
import type { ImportError } from './parseImport'

/** The encodings an import may arrive in: what Excel, Numbers and text editors save. */
export type ImportEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'

export type DecodedImport = { ok: true; text: string; encoding: ImportEncoding } | ImportError

function decode(bytes: Uint8Array, encoding: ImportEncoding, fatal = false): string {
  return new TextDecoder(encoding, { fatal, ignoreBOM: false }).decode(bytes)
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte)
}

/**
 * UTF-16 without a byte-order mark: text that is mostly Latin letters has a zero in every
 * other byte, on the odd bytes for little-endian and the even ones for big-endian.
 */
function sniffUtf16(bytes: Uint8Array): ImportEncoding | undefined {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1)
  if (sample.length < 2) return undefined
  let evenZeros = 0
  let oddZeros = 0
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++
    if (sample[i + 1] === 0) oddZeros++
  }
  const pairs = sample.length / 2
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le'
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be'
  return undefined
}

/** The five C1 codes Windows-1252 leaves undefined. */
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d])

/**
 * Where the text holds a character no real text file holds: a C0 control other than tab and
 * line breaks, or a code Windows-1252 leaves undefined. Either means another encoding.
 */
function firstNonText(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const control = code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d
    if (control || UNDEFINED_IN_1252.has(code)) return i
  }
  return -1
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split(/\r\n|\r|\n/).length
}

/**
 * Turns an uploaded file's bytes into text. A byte-order mark decides; without one, UTF-16 is
 * recognised by its zero bytes, then UTF-8 is taken if the bytes are valid UTF-8, and
 * otherwise Windows-1252 (what Swedish Excel saves as "CSV"). Bytes that are none of these
 * are refused with the line they are on, naming the encoding problem, instead of becoming
 * "h�mmande". The returned text never starts with a byte-order mark.
 */
export function decodeImport(bytes: Uint8Array, language: Language = 'en'): DecodedImport {
  const named = (encoding: ImportEncoding, text: string): DecodedImport => {
    const bad = firstNonText(text)
    if (bad >= 0) {
      const line = lineOf(text, bad)
      return {
        ok: false,
        line,
        code: 'unknown-encoding',
        message: importErrorMessage('unknown-encoding', line, language),
      }
    }
    return { ok: true, text, encoding }
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return named('utf-8', decode(bytes, 'utf-8'))
  if (startsWith(bytes, [0xff, 0xfe])) return named('utf-16le', decode(bytes, 'utf-16le'))
  if (startsWith(bytes, [0xfe, 0xff])) return named('utf-16be', decode(bytes, 'utf-16be'))
  const utf16 = sniffUtf16(bytes)
  if (utf16) return named(utf16, decode(bytes, utf16))
  try {
    return named('utf-8', decode(bytes, 'utf-8', true))
  } catch {
    return named('windows-1252', decode(bytes, 'windows-1252'))
  }
}
