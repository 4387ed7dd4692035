/** An axis-aligned rectangle in page or parent coordinates. */
export interface Rect {
  x: number
  y: number
  w: number
  h: number
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

export function containsRect(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.w <= outer.x + outer.w &&
    inner.y + inner.h <= outer.y + outer.h
  )
}

export function inset(
  rect: Rect,
  by: { top: number; right: number; bottom: number; left: number },
): Rect {
  return {
    x: rect.x + by.left,
    y: rect.y + by.top,
    w: Math.max(0, rect.w - by.left - by.right),
    h: Math.max(0, rect.h - by.top - by.bottom),
  }
}

/** The smallest rectangle holding all given ones; undefined for none. */
export function boundsOf(rects: readonly Rect[]): Rect | undefined {
  if (rects.length === 0) return undefined
  const left = Math.min(...rects.map((r) => r.x))
  const top = Math.min(...rects.map((r) => r.y))
  const right = Math.max(...rects.map((r) => r.x + r.w))
  const bottom = Math.max(...rects.map((r) => r.y + r.h))
  return { x: left, y: top, w: right - left, h: bottom - top }
}
