import { readBoxes } from './isobmff-boxes'

/**
 * What the HEIF container says about its primary image, read without decoding anything: the size
 * (`ispe`, checked against the pixel limit before the decoder starts) and the colour (`colr`, so
 * the JPEG keeps the phone's Display P3). Anything odd leaves a field empty: libheif in the
 * decode worker is the authority.
 */
export interface HeifContainer {
  width?: number
  height?: number
  /** An embedded ICC profile (`colr` of type prof/rICC). */
  icc?: Buffer
  /** No ICC profile, but nclx colour primaries of Display P3 (12). */
  p3?: boolean
}

export function readHeifContainer(buf: Buffer): HeifContainer {
  try {
    const meta = readBoxes(buf, 0, buf.length).find((b) => b.type === 'meta')
    if (!meta) return {}
    const inMeta = readBoxes(buf, meta.body + 4, meta.end) // meta is a full box
    const pitm = inMeta.find((b) => b.type === 'pitm')
    const iprp = inMeta.find((b) => b.type === 'iprp')
    if (!pitm || !iprp) return {}
    const primary =
      buf.readUInt8(pitm.body) === 0
        ? buf.readUInt16BE(pitm.body + 4)
        : buf.readUInt32BE(pitm.body + 4)
    const inIprp = readBoxes(buf, iprp.body, iprp.end)
    const ipco = inIprp.find((b) => b.type === 'ipco')
    if (!ipco) return {}
    const properties = readBoxes(buf, ipco.body, ipco.end)
    const result: HeifContainer = {}
    for (const ipma of inIprp.filter((b) => b.type === 'ipma')) {
      const version = buf.readUInt8(ipma.body)
      const wide = (buf.readUInt8(ipma.body + 3) & 1) === 1
      let p = ipma.body + 4
      let entries = buf.readUInt32BE(p)
      p += 4
      for (; entries > 0 && p < ipma.end; entries--) {
        const item = version < 1 ? buf.readUInt16BE(p) : buf.readUInt32BE(p)
        p += version < 1 ? 2 : 4
        const count = buf.readUInt8(p++)
        for (let i = 0; i < count && p < ipma.end; i++) {
          const index = wide ? buf.readUInt16BE(p) & 0x7fff : buf.readUInt8(p) & 0x7f
          p += wide ? 2 : 1
          const property = properties[index - 1]
          if (item !== primary || !property) continue
          if (property.type === 'ispe') {
            result.width = buf.readUInt32BE(property.body + 4)
            result.height = buf.readUInt32BE(property.body + 8)
          } else if (property.type === 'colr') {
            const kind = buf.toString('latin1', property.body, property.body + 4)
            if ((kind === 'prof' || kind === 'rICC') && property.end - property.body > 4)
              result.icc ??= Buffer.from(buf.subarray(property.body + 4, property.end))
            if (kind === 'nclx') result.p3 = buf.readUInt16BE(property.body + 4) === 12
          }
        }
      }
    }
    return result
  } catch {
    return {}
  }
}
