/**
 * The boxes of an ISO base media file (HEIF, MP4, MOV): 4-byte big-endian size, 4-byte type, then
 * the body. Size 1 means a 64-bit size follows the type; size 0 means "to the end of the
 * enclosing range". Reading stops at the first box that does not fit in `[from, to)`, so a
 * truncated or hostile file yields the boxes before it and never an out-of-range read.
 */

export interface Box {
  /** Four characters, e.g. `meta`, `ipco`. */
  type: string
  /** First byte after the header. */
  body: number
  /** First byte after the box. */
  end: number
}

/** The boxes directly inside `[from, to)` of `buf` (for a child level: a parent's body..end). */
export function readBoxes(buf: Buffer, from: number, to: number): Box[] {
  const out: Box[] = []
  let p = from
  while (p + 8 <= to) {
    let size = buf.readUInt32BE(p)
    let body = p + 8
    if (size === 1) {
      if (p + 16 > to) break
      size = Number(buf.readBigUInt64BE(p + 8))
      body = p + 16
    } else if (size === 0) size = to - p
    if (size < body - p || p + size > to) break
    out.push({ type: buf.toString('latin1', p + 4, p + 8), body, end: p + size })
    p += size
  }
  return out
}
