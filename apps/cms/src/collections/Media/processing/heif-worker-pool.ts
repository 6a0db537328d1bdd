import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'

import type { DecodeReply, DecodeRequest, DecodeWorkerData } from './heif-decode-worker.mjs'
import type { HeifFailure } from './heif-to-jpeg'

/**
 * The HEIF decoder runs in a worker thread (`heif-decode-worker.mts`): decoding 12 MP takes
 * 0.5–1 s of CPU that would otherwise block every other request, a corrupt file cannot leave a
 * broken WebAssembly instance behind, and the decoder's memory (WebAssembly memory never shrinks)
 * is returned when the worker ends. It is started on the first HEIC only, does one conversion at
 * a time, and stops when idle.
 */

/** How long one conversion may take before the worker is ended (a hostile file could stall). */
const TIMEOUT_MS = 60_000
/** A worker that converted something stays this long for the next photo of an upload batch. */
const IDLE_MS = 15_000

export type Decoded =
  | { ok: true; width: number; height: number; channels: 3 | 4; pixels: Buffer }
  | { ok: false; reason: HeifFailure }

let worker: Worker | undefined
let idleTimer: NodeJS.Timeout | undefined
let nextId = 0
let queue: Promise<unknown> = Promise.resolve()

/** Decodes the primary image to raw pixels, one file at a time: bounded memory, whatever a batch
 * upload sends at once. Rejects only if the worker could not even be started. */
export function decodeHeif(data: Buffer, maxPixels: number): Promise<Decoded> {
  const task = () => decodeInWorker(data, maxPixels)
  const run = queue.then(task, task)
  queue = run.catch(() => undefined)
  return run
}

/** Whether the decoder is running now (for tests: it must not start before the first HEIC). */
export function heifDecoderRunning(): boolean {
  return worker !== undefined
}

function moduleDir(): string | undefined {
  try {
    const url = import.meta.url
    return url.startsWith('file:') ? path.dirname(fileURLToPath(url)) : undefined
  } catch {
    return undefined
  }
}

function startWorker(): Worker {
  const bases = [moduleDir(), process.cwd()].filter((b): b is string => !!b)
  const workerData: DecodeWorkerData = { bases }
  // `new URL('./…', import.meta.url)` is the form Next's bundler recognises: it copies the file
  // next to the build output, so the worker is found in `next start` as in vitest.
  const started = new Worker(new URL('./heif-decode-worker.mts', import.meta.url), { workerData })
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
    const onMessage = (message: DecodeReply) => {
      if (message.id !== id) return
      if (message.ok) {
        const { width, height, channels, pixels } = message
        const buffer = Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength)
        finish({ ok: true, width, height, channels, pixels: buffer }, true)
      }
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
    const request: DecodeRequest = { id, data: copy, maxPixels }
    current.postMessage(request, [copy.buffer])
  })
}
