/**
 * The HEIF decoder's worker thread (started by `heif-worker-pool.ts`, never imported): it decodes
 * the primary image with libheif-js (libheif + libde265 compiled to WebAssembly) into raw RGB(A)
 * pixels. libheif applies the container's rotation/mirroring (`irot`/`imir`); the pixel count is
 * checked again against libheif's own view of the image before anything is decoded.
 *
 * Node runs this file as it is, stripping the types (only erasable TypeScript, no relative value
 * imports): from the source under vitest and tsx, and in `next build` output, where Turbopack
 * copies the file as an asset for `new URL(…, import.meta.url)` instead of bundling it. It is
 * `.mts` because that copy lands in `.next/`, whose package.json says "commonjs": a `.ts` there
 * would be read as CommonJS. libheif-js is loaded with Node's own require from a directory given
 * by the pool, so the 2 MB decoder is not loaded before the first HEIC arrives.
 */
import { createRequire } from 'node:module'
import path from 'node:path'
import { parentPort, workerData } from 'node:worker_threads'

import type { HeifFailure } from './heif-to-jpeg'

export interface DecodeRequest {
  id: number
  data: Uint8Array
  maxPixels: number
}

/** `fatal`: the decoder's WebAssembly state is suspect (or it never loaded); start afresh. */
type DecodeResult =
  | { ok: true; width: number; height: number; channels: 3 | 4; pixels: Uint8Array }
  | { ok: false; reason: HeifFailure; detail?: string; fatal?: boolean }

export type DecodeReply = { id: number } & DecodeResult

export interface DecodeWorkerData {
  /** Directories to resolve libheif-js from, in order. */
  bases: string[]
}

/** The part of libheif-js's low-level (emscripten) API used here. */
interface Status {
  code: number
  message?: string
}
interface Enum {
  value: number
}
interface HeifImage {
  image: unknown
  channels: { id: Enum; width: number; height: number; stride: number; data: Uint8Array }[]
}
interface Libheif {
  heif_context_alloc(): unknown
  heif_context_free(context: unknown): void
  heif_context_read_from_memory(context: unknown, data: Uint8Array): { code: Enum; message: string }
  heif_js_context_get_primary_image_handle(context: unknown): (Partial<Status> & object) | null
  heif_image_handle_get_width(handle: object): number
  heif_image_handle_get_height(handle: object): number
  heif_image_handle_has_alpha_channel(handle: object): boolean
  heif_image_handle_release(handle: object): void
  heif_js_decode_image2(
    handle: object,
    colorspace: Enum,
    chroma: Enum,
  ): (HeifImage & Partial<Status>) | null
  heif_image_release(image: unknown): void
  heif_colorspace: { heif_colorspace_RGB: Enum }
  heif_chroma: { heif_chroma_interleaved_RGB: Enum; heif_chroma_interleaved_RGBA: Enum }
  heif_channel: { heif_channel_interleaved: Enum }
}

let lib: Libheif | undefined
function load(): Libheif | undefined {
  if (lib) return lib
  for (const base of (workerData as DecodeWorkerData).bases) {
    let factory: () => Libheif
    try {
      factory = createRequire(path.join(base, 'noop.js'))(
        'libheif-js/libheif-wasm/libheif-bundle.js',
      )
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

function decode(data: Uint8Array, maxPixels: number): DecodeResult {
  const heif = load()
  if (!heif) return { ok: false, reason: 'unavailable', fatal: true }
  const context = heif.heif_context_alloc()
  let handle: (Partial<Status> & object) | null = null
  try {
    const read = heif.heif_context_read_from_memory(context, data)
    if (read.code.value !== 0) return { ok: false, reason: 'unreadable', detail: read.message }
    handle = heif.heif_js_context_get_primary_image_handle(context)
    if (!handle || handle.code) return { ok: false, reason: 'unreadable', detail: handle?.message }
    const width = heif.heif_image_handle_get_width(handle)
    const height = heif.heif_image_handle_get_height(handle)
    if (!width || !height) return { ok: false, reason: 'unreadable' }
    if (width * height > maxPixels) return { ok: false, reason: 'too-large' }
    const channels = heif.heif_image_handle_has_alpha_channel(handle) ? 4 : 3
    const image = heif.heif_js_decode_image2(
      handle,
      heif.heif_colorspace.heif_colorspace_RGB,
      channels === 4
        ? heif.heif_chroma.heif_chroma_interleaved_RGBA
        : heif.heif_chroma.heif_chroma_interleaved_RGB,
    )
    if (!image || image.code) return { ok: false, reason: 'unreadable', detail: image?.message }
    try {
      const interleaved = heif.heif_channel.heif_channel_interleaved.value
      const plane = image.channels.find((c) => c.id.value === interleaved)
      if (!plane || plane.width * plane.height > maxPixels)
        return { ok: false, reason: 'unreadable' }
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

parentPort?.on('message', ({ id, data, maxPixels }: DecodeRequest) => {
  let result: DecodeResult
  try {
    result = decode(data, maxPixels)
  } catch (error) {
    const detail = String((error as Error | undefined)?.message ?? error)
    result = { ok: false, reason: 'unreadable', detail, fatal: true }
  }
  const reply: DecodeReply = { id, ...result }
  parentPort?.postMessage(reply, reply.ok ? [reply.pixels.buffer as ArrayBuffer] : [])
})
