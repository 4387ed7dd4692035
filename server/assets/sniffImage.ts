/** The image formats a board accepts; SVG is not among them (it can carry scripts). */
export type ImageType = 'image/png' | 'image/jpeg' | 'image/webp' | 'image/gif'

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return signature.every((byte, i) => bytes[offset + i] === byte)
}

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0))

/**
 * What the bytes are, by their magic numbers alone: never by the file name or the declared
 * Content-Type, which an uploader chooses freely. Anything else is undefined.
 */
export function sniffImage(bytes: Uint8Array): ImageType | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif'
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp'
  return undefined
}
