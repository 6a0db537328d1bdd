import { describe, expect, it } from 'vitest'

import { readHeifContainer } from './heif-container'
import { readBoxes } from './isobmff-boxes'

/** A box with a 32-bit size: size, type, body. */
function box(type: string, ...body: Buffer[]): Buffer {
  const content = Buffer.concat(body)
  const head = Buffer.alloc(8)
  head.writeUInt32BE(8 + content.length, 0)
  head.write(type, 4, 'latin1')
  return Buffer.concat([head, content])
}

/** A box with size 1 and a 64-bit largesize after the type. */
function largeBox(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(16)
  head.writeUInt32BE(1, 0)
  head.write(type, 4, 'latin1')
  head.writeBigUInt64BE(BigInt(16 + body.length), 8)
  return Buffer.concat([head, body])
}

const u8 = (...values: number[]) => Buffer.from(values)
const u16 = (value: number) => Buffer.from([value >> 8, value & 0xff])
const u32 = (value: number) => {
  const b = Buffer.alloc(4)
  b.writeUInt32BE(value)
  return b
}

describe('readBoxes', () => {
  it('reads consecutive boxes with their body and end', () => {
    const file = Buffer.concat([box('ftyp', Buffer.from('heic')), box('free')])
    expect(readBoxes(file, 0, file.length)).toEqual([
      { type: 'ftyp', body: 8, end: 12 },
      { type: 'free', body: 20, end: 20 },
    ])
  })

  it('takes size 0 as "to the end of the range"', () => {
    const last = Buffer.concat([u32(0), Buffer.from('mdat'), Buffer.alloc(100, 7)])
    const file = Buffer.concat([box('ftyp', Buffer.from('heic')), last])
    expect(readBoxes(file, 0, file.length)).toEqual([
      { type: 'ftyp', body: 8, end: 12 },
      { type: 'mdat', body: 20, end: file.length },
    ])
  })

  it('reads a 64-bit largesize (size 1), with the body after the 16-byte header', () => {
    const file = Buffer.concat([largeBox('mdat', Buffer.alloc(40, 1)), box('free')])
    expect(readBoxes(file, 0, file.length)).toEqual([
      { type: 'mdat', body: 16, end: 56 },
      { type: 'free', body: 64, end: 64 },
    ])
  })

  it('stops at a truncated box and keeps the ones before it', () => {
    const whole = box('ftyp', Buffer.from('heic'))
    const cut = box('meta', Buffer.alloc(32)).subarray(0, 20) // says 40 bytes, has 20
    const file = Buffer.concat([whole, cut])
    expect(readBoxes(file, 0, file.length)).toEqual([{ type: 'ftyp', body: 8, end: 12 }])
  })

  it('stops at a header cut short, a largesize without its 8 bytes, or a size below the header', () => {
    const ftyp = box('ftyp', Buffer.from('heic'))
    const partialHeader = Buffer.concat([ftyp, u32(20), Buffer.from('me')])
    const partialLarge = Buffer.concat([ftyp, u32(1), Buffer.from('mdat'), u32(0)])
    const tooSmall = Buffer.concat([ftyp, u32(4), Buffer.from('free'), Buffer.alloc(8)])
    for (const file of [partialHeader, partialLarge, tooSmall])
      expect(readBoxes(file, 0, file.length)).toEqual([{ type: 'ftyp', body: 8, end: 12 }])
  })

  it('reads nested boxes within their parent, not past its end', () => {
    const inner = Buffer.concat([box('hdlr', Buffer.alloc(4)), box('pitm', Buffer.alloc(6))])
    const file = Buffer.concat([box('moov', inner), box('free')])
    expect(readBoxes(file, 0, file.length)).toEqual([
      { type: 'moov', body: 8, end: 8 + inner.length },
      { type: 'free', body: 16 + inner.length, end: 16 + inner.length },
    ])
    expect(readBoxes(file, 8, 8 + inner.length)).toEqual([
      { type: 'hdlr', body: 16, end: 20 },
      { type: 'pitm', body: 28, end: 34 },
    ])
  })
})

describe('readHeifContainer', () => {
  /** meta(pitm = item 1, iprp(ipco(ispe, colr nclx), ipma: item 1 → properties 1 and 2)). */
  function heif({ primaries = 12, item = 1 } = {}): Buffer {
    const fullBox = Buffer.alloc(4) // version 0, no flags
    const ispe = box('ispe', fullBox, u32(4032), u32(3024))
    const colr = box('colr', Buffer.from('nclx'), u16(primaries), u16(13), u16(1), u8(0x80))
    const ipma = box('ipma', fullBox, u32(1), u16(item), u8(2), u8(0x81), u8(0x02))
    const meta = box(
      'meta',
      fullBox,
      box('pitm', fullBox, u16(1)),
      box('iprp', box('ipco', ispe, colr), ipma),
    )
    return Buffer.concat([box('ftyp', Buffer.from('heic')), meta, box('mdat')])
  }

  it("reads the primary item's size and a Display P3 signal, without decoding", () => {
    expect(readHeifContainer(heif())).toEqual({ width: 4032, height: 3024, p3: true })
  })

  it('ignores the properties of an item that is not the primary one', () => {
    expect(readHeifContainer(heif({ item: 2 }))).toEqual({})
  })

  it('tells other nclx primaries (1: sRGB/BT.709) from Display P3', () => {
    expect(readHeifContainer(heif({ primaries: 1 }))).toEqual({
      width: 4032,
      height: 3024,
      p3: false,
    })
  })

  it('gives nothing for a file cut off inside meta (libheif decides then)', () => {
    expect(readHeifContainer(heif().subarray(0, 40))).toEqual({})
  })
})
