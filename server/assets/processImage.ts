import sharp from 'sharp'
import type { ImageType } from './sniffImage'

/** Longest side an image is stored at; a phone photo is downscaled to it. */
export const MAX_IMAGE_SIDE = 4096
/** Decoding more pixels than this is refused (a small file can claim a huge canvas). */
const MAX_INPUT_PIXELS = 50_000_000

export interface ProcessedImage {
  bytes: Buffer
  type: ImageType
  width: number
  height: number
}

export class ImageRejected extends Error {}

/**
 * Decodes and re-encodes an image in its own format with sharp (libvips, off the event loop):
 * EXIF orientation is applied, then every piece of metadata (EXIF with GPS positions, XMP,
 * IPTC, comments) is left behind, since sharp writes none unless asked. Images larger than
 * MAX_IMAGE_SIDE are downscaled; animated GIF and WebP keep their frames.
 */
export async function processImage(input: Buffer, type: ImageType): Promise<ProcessedImage> {
  const animated = type === 'image/gif' || type === 'image/webp'
  let pipeline = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, animated, failOn: 'error' })
    .rotate()
    .resize(MAX_IMAGE_SIDE, MAX_IMAGE_SIDE, { fit: 'inside', withoutEnlargement: true })
  switch (type) {
    case 'image/png':
      pipeline = pipeline.png()
      break
    case 'image/jpeg':
      pipeline = pipeline.jpeg({ quality: 85, mozjpeg: true })
      break
    case 'image/webp':
      pipeline = pipeline.webp({ quality: 85 })
      break
    case 'image/gif':
      pipeline = pipeline.gif()
      break
  }
  try {
    const { data, info } = await pipeline.toBuffer({ resolveWithObject: true })
    return { bytes: data, type, width: info.width, height: info.pageHeight ?? info.height }
  } catch (error) {
    throw new ImageRejected(error instanceof Error ? error.message : String(error))
  }
}
