import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'

import sharp from 'sharp'

/**
 * HEIC/HEIF photos (iPhones, many Android phones) to JPEG. sharp's prebuilt libvips cannot decode
 * HEVC, so the primary image is decoded by libheif-js (libheif + libde265 compiled to
 * WebAssembly) and handed to sharp as raw pixels.
 *
 * - The decoder runs in a worker thread: decoding 12 MP takes 0.5–1 s of CPU that would otherwise
 *   block every other request, a corrupt file cannot leave a broken WebAssembly instance behind,
 *   and the decoder's memory (WebAssembly memory never shrinks) is returned when the worker ends.
 *   It is started on the first HEIC only, one conversion at a time, and stops when idle.
 * - The pixel count is checked before anything is decoded: first from the container's `ispe`
 *   box here, then from libheif's own view of the primary image in the worker.
 * - The container's rotation/mirroring (`irot`/`imir`) is applied by libheif; the raw pixels carry
 *   no EXIF, so nothing is rotated twice. The colour profile (phones: Display P3) travels into the
 *   JPEG, so sharp converts the colours to sRGB later, as it does for every other photo.
 */

export type HeifResult =
  { ok: true; jpeg: Buffer; width: number; height: number } | { ok: false; reason: HeifFailure }

/**
 * too-large: over the pixel limit (nothing decoded); unreadable: not a readable HEIF image
 * (corrupt, truncated, a codec libheif-js lacks such as AV1); unavailable: the decoder itself
 * could not be loaded (an installation problem, not the user's).
 */
export type HeifFailure = 'too-large' | 'unreadable' | 'unavailable'

/** How long one conversion may take before the worker is ended (a hostile file could stall). */
const TIMEOUT_MS = 60_000
/** A worker that converted something stays this long for the next photo of an upload batch. */
const IDLE_MS = 15_000

/**
 * The primary image of a HEIC/HEIF file as a JPEG (quality 92, with the file's colour profile,
 * no other metadata), or why not. Never throws.
 */
export async function heifToJpeg(data: Buffer, maxPixels: number): Promise<HeifResult> {
  const container = readHeifContainer(data)
  if (container.width && container.height && container.width * container.height > maxPixels)
    return { ok: false, reason: 'too-large' }
  let decoded: Decoded
  try {
    decoded = await enqueue(() => decodeInWorker(data, maxPixels))
  } catch {
    return { ok: false, reason: 'unavailable' } // the worker could not even be started
  }
  if (!decoded.ok) return decoded
  const { width, height, channels, pixels } = decoded
  try {
    let image = sharp(pixels, { raw: { width, height, channels }, limitInputPixels: maxPixels })
    if (channels === 4) image = image.flatten({ background: '#ffffff' })
    // Visually lossless; Payload re-encodes the original (q80, 4:2:0) like every other photo.
    const jpeg = await image.jpeg({ quality: 92 }).toBuffer()
    const icc = container.icc ?? (container.p3 ? await displayP3Profile() : undefined)
    return { ok: true, jpeg: icc ? withIccProfile(jpeg, icc) : jpeg, width, height }
  } catch {
    return { ok: false, reason: 'unreadable' }
  }
}

// ---------------------------------------------------------------------------------------------
// The container, read in this thread: primary item, its size (ispe) and colour (colr). Nothing is
// decoded. Anything odd leaves a field empty: libheif in the worker is the authority.

interface HeifContainer {
  width?: number
  height?: number
  /** An embedded ICC profile (`colr` of type prof/rICC). */
  icc?: Buffer
  /** No ICC profile, but nclx colour primaries of Display P3 (12). */
  p3?: boolean
}

interface Box {
  type: string
  /** First byte after the header. */
  body: number
  end: number
}

function boxes(buf: Buffer, from: number, to: number): Box[] {
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

export function readHeifContainer(buf: Buffer): HeifContainer {
  try {
    const meta = boxes(buf, 0, buf.length).find((b) => b.type === 'meta')
    if (!meta) return {}
    const inMeta = boxes(buf, meta.body + 4, meta.end) // meta is a full box
    const pitm = inMeta.find((b) => b.type === 'pitm')
    const iprp = inMeta.find((b) => b.type === 'iprp')
    if (!pitm || !iprp) return {}
    const primary =
      buf.readUInt8(pitm.body) === 0
        ? buf.readUInt16BE(pitm.body + 4)
        : buf.readUInt32BE(pitm.body + 4)
    const inIprp = boxes(buf, iprp.body, iprp.end)
    const ipco = inIprp.find((b) => b.type === 'ipco')
    if (!ipco) return {}
    const properties = boxes(buf, ipco.body, ipco.end)
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

/** The ICC profile as APP2 "ICC_PROFILE" segments right after the JPEG's SOI marker. */
function withIccProfile(jpeg: Buffer, icc: Buffer): Buffer {
  const chunk = 65_519
  const count = Math.ceil(icc.length / chunk)
  if (count > 255) return jpeg
  const segments: Buffer[] = []
  for (let i = 0; i < count; i++) {
    const part = icc.subarray(i * chunk, (i + 1) * chunk)
    const head = Buffer.alloc(18)
    head.writeUInt16BE(0xffe2, 0)
    head.writeUInt16BE(16 + part.length, 2)
    head.write('ICC_PROFILE\0', 4, 'latin1')
    head[16] = i + 1
    head[17] = count
    segments.push(head, part)
  }
  return Buffer.concat([jpeg.subarray(0, 2), ...segments, jpeg.subarray(2)])
}

let p3Profile: Promise<Buffer | undefined> | undefined
/** sharp's built-in Display P3 profile, for phones that signal P3 as nclx instead of ICC. */
function displayP3Profile(): Promise<Buffer | undefined> {
  p3Profile ??= sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } })
    .withIccProfile('p3')
    .jpeg()
    .toBuffer()
    .then(async (probe) => (await sharp(probe).metadata()).icc)
  return p3Profile
}

// ---------------------------------------------------------------------------------------------
// The worker. Its source is a string (no separate file the Next.js bundler would have to know
// about); it loads libheif-js with Node's own require, so the 2 MB decoder is never bundled and
// never loaded before the first HEIC arrives.

type Decoded =
  | { ok: true; width: number; height: number; channels: 3 | 4; pixels: Buffer }
  | { ok: false; reason: HeifFailure }

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const { createRequire } = require('node:module')
const path = require('node:path')

let lib
function load() {
  if (lib) return lib
  for (const base of workerData.bases) {
    let factory
    try {
      factory = createRequire(path.join(base, 'noop.js'))('libheif-js/libheif-wasm/libheif-bundle.js')
    } catch {
      continue
    }
    try {
      lib = factory()
    } catch {
      return undefined
    }
    return typeof lib.heif_context_alloc === 'function' ? lib : undefined
  }
  return undefined
}

function decode(data, maxPixels) {
  const heif = load()
  if (!heif) return { ok: false, reason: 'unavailable', fatal: true }
  const context = heif.heif_context_alloc()
  let handle
  try {
    const read = heif.heif_context_read_from_memory(context, data)
    if (read.code.value !== 0) return { ok: false, reason: 'unreadable', detail: read.message }
    handle = heif.heif_js_context_get_primary_image_handle(context)
    if (!handle || handle.code) return { ok: false, reason: 'unreadable', detail: handle && handle.message }
    const width = heif.heif_image_handle_get_width(handle)
    const height = heif.heif_image_handle_get_height(handle)
    if (!width || !height) return { ok: false, reason: 'unreadable' }
    if (width * height > maxPixels) return { ok: false, reason: 'too-large' }
    const channels = heif.heif_image_handle_has_alpha_channel(handle) ? 4 : 3
    const image = heif.heif_js_decode_image2(
      handle,
      heif.heif_colorspace.heif_colorspace_RGB,
      channels === 4 ? heif.heif_chroma.heif_chroma_interleaved_RGBA : heif.heif_chroma.heif_chroma_interleaved_RGB,
    )
    if (!image || image.code) return { ok: false, reason: 'unreadable', detail: image && image.message }
    try {
      const plane = image.channels.find((c) => c.id.value === heif.heif_channel.heif_channel_interleaved.value)
      if (!plane || plane.width * plane.height > maxPixels) return { ok: false, reason: 'unreadable' }
      // The plane is a view into WebAssembly memory: copy it out, row by row (stride ≥ width).
      const row = plane.width * channels
      const pixels = new Uint8Array(row * plane.height)
      for (let y = 0; y < plane.height; y++)
        pixels.set(plane.data.subarray(y * plane.stride, y * plane.stride + row), y * row)
      return { ok: true, width: plane.width, height: plane.height, channels, pixels }
    } finally {
      heif.heif_image_release(image.image)
    }
  } finally {
    if (handle && !handle.code) heif.heif_image_handle_release(handle)
    heif.heif_context_free(context)
  }
}

parentPort.on('message', ({ id, data, maxPixels }) => {
  let result
  try {
    result = decode(data, maxPixels)
  } catch (error) {
    result = { ok: false, reason: 'unreadable', detail: String(error && error.message || error), fatal: true }
  }
  parentPort.postMessage({ id, ...result }, result.ok ? [result.pixels.buffer] : [])
})
`

let worker: Worker | undefined
let idleTimer: NodeJS.Timeout | undefined
let nextId = 0
let queue: Promise<unknown> = Promise.resolve()

/** One conversion at a time: bounded memory, whatever a batch upload sends at once. */
function enqueue<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task)
  queue = run.catch(() => undefined)
  return run
}

function moduleDir(): string | undefined {
  try {
    const url = import.meta.url
    return url.startsWith('file:') ? path.dirname(fileURLToPath(url)) : undefined
  } catch {
    return undefined
  }
}

/** Whether the decoder is running now (for tests: it must not start before the first HEIC). */
export function heifDecoderRunning(): boolean {
  return worker !== undefined
}

function startWorker(): Worker {
  const bases = [moduleDir(), process.cwd()].filter((b): b is string => !!b)
  const started = new Worker(WORKER_SOURCE, { eval: true, workerData: { bases } })
  // An idle decoder must not keep a process (a test run, a script) alive.
  started.unref()
  // Never an unhandled 'error' event (it would take the CMS down); a dead worker is replaced.
  started.on('error', () => undefined)
  started.once('exit', () => {
    if (worker === started) worker = undefined
  })
  return started
}

function stopWorker(target: Worker | undefined) {
  if (!target) return
  if (worker === target) worker = undefined
  void target.terminate()
}

function decodeInWorker(data: Buffer, maxPixels: number): Promise<Decoded> {
  clearTimeout(idleTimer)
  const current = (worker ??= startWorker())
  const id = ++nextId
  return new Promise<Decoded>((resolve) => {
    const timer = setTimeout(() => finish({ ok: false, reason: 'unreadable' }, false), TIMEOUT_MS)
    timer.unref()
    const finish = (result: Decoded, keep: boolean) => {
      clearTimeout(timer)
      current.off('message', onMessage)
      current.off('error', onError)
      current.off('exit', onExit)
      if (keep) {
        idleTimer = setTimeout(() => stopWorker(current), IDLE_MS)
        idleTimer.unref()
      } else stopWorker(current)
      resolve(result)
    }
    const onMessage = (message: {
      id: number
      ok: boolean
      reason?: HeifFailure
      fatal?: boolean
      width?: number
      height?: number
      channels?: 3 | 4
      pixels?: Uint8Array
    }) => {
      if (message.id !== id) return
      if (message.ok && message.pixels)
        finish(
          {
            ok: true,
            width: message.width!,
            height: message.height!,
            channels: message.channels!,
            pixels: Buffer.from(
              message.pixels.buffer,
              message.pixels.byteOffset,
              message.pixels.byteLength,
            ),
          },
          true,
        )
      // After an exception inside the decoder its WebAssembly state is suspect: start afresh.
      else finish({ ok: false, reason: message.reason ?? 'unreadable' }, !message.fatal)
    }
    const onError = () => finish({ ok: false, reason: 'unreadable' }, false)
    const onExit = () => finish({ ok: false, reason: 'unreadable' }, false)
    current.on('message', onMessage)
    current.on('error', onError)
    current.on('exit', onExit)
    // A copy for the worker (transferred, not cloned twice); the caller keeps its buffer.
    const copy = new Uint8Array(data)
    current.postMessage({ id, data: copy, maxPixels }, [copy.buffer])
  })
}
