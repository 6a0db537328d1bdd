import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import sharp from 'sharp'

/**
 * The demo's pictures are drawn, never photos of people: simple SVG scenes rendered to JPEG by
 * sharp, and one short test-pattern clip made by ffmpeg. The children in them are shapes without
 * faces. Both go through the real upload pipeline like a phone's photo would.
 */

export type SceneName =
  'playground' | 'trip' | 'exhibition' | 'autumn' | 'forest' | 'farm' | 'letters' | 'paint' | 'gym'

const W = 1200
const H = 900

const CLOTHES = [
  '#e63946',
  '#f4a261',
  '#2a9d8f',
  '#457b9d',
  '#8338ec',
  '#ffbe0b',
  '#fb5607',
  '#3a86ff',
]
const SKIN = ['#f1c27d', '#e0ac69', '#c68642', '#8d5524', '#ffdbac']

/** A small deterministic generator, so the same scene looks the same on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Draw = { rand: () => number; pick: <T>(list: readonly T[]) => T }

/** A child as shapes only: a round head without a face, a body and legs. */
function child(d: Draw, x: number, y: number, size: number): string {
  const body = d.pick(CLOTHES)
  return `<g><rect x="${x - size * 0.3}" y="${y - size * 0.2}" width="${size * 0.6}" height="${size * 0.9}" rx="${size * 0.25}" fill="${body}"/><rect x="${x - size * 0.25}" y="${y + size * 0.6}" width="${size * 0.18}" height="${size * 0.55}" fill="#33415c"/><rect x="${x + size * 0.07}" y="${y + size * 0.6}" width="${size * 0.18}" height="${size * 0.55}" fill="#33415c"/><circle cx="${x}" cy="${y - size * 0.45}" r="${size * 0.3}" fill="${d.pick(SKIN)}"/></g>`
}

function children(d: Draw, count: number, y: number, size: number): string {
  return Array.from({ length: count }, (_, i) =>
    child(d, ((i + 0.5) * W) / count + (d.rand() - 0.5) * 60, y + d.rand() * 40, size),
  ).join('')
}

function tree(d: Draw, x: number, ground: number, height: number): string {
  const green = d.pick(['#2d6a4f', '#40916c', '#52b788', '#1b4332'])
  return `<rect x="${x - 14}" y="${ground - height}" width="28" height="${height}" fill="#7f5539"/><circle cx="${x}" cy="${ground - height}" r="${height * 0.45}" fill="${green}"/>`
}

const sky = (top: string, bottom: string) =>
  `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient></defs><rect width="${W}" height="${H}" fill="url(#sky)"/>`

const sun = (x: number, y: number) => `<circle cx="${x}" cy="${y}" r="70" fill="#ffd166"/>`

const SCENES: Record<SceneName, (d: Draw) => string> = {
  playground: (d) =>
    sky('#8ecae6', '#e0f4ff') +
    sun(1020, 130) +
    `<rect y="620" width="${W}" height="280" fill="#80b918"/>` +
    // A slide and a swing.
    `<polygon points="160,620 230,330 260,330 520,620" fill="${d.pick(CLOTHES)}"/><rect x="200" y="330" width="20" height="290" fill="#6c757d"/>` +
    `<path d="M700 620 L760 300 L940 300 L1000 620" stroke="#495057" stroke-width="14" fill="none"/><line x1="820" y1="300" x2="820" y2="520" stroke="#495057" stroke-width="5"/><line x1="880" y1="300" x2="880" y2="520" stroke="#495057" stroke-width="5"/><rect x="805" y="515" width="90" height="16" fill="#9c6644"/>` +
    children(d, 5, 640, 110),
  trip: (d) =>
    sky('#90e0ef', '#caf0f8') +
    sun(180, 120) +
    tree(d, 120, 560, 220) +
    tree(d, 1100, 560, 260) +
    `<rect y="560" width="${W}" height="340" fill="#adb5bd"/><rect y="700" width="${W}" height="14" fill="#f8f9fa"/>` +
    // The school bus.
    `<rect x="260" y="330" width="680" height="270" rx="36" fill="#ffb703"/>` +
    [0, 1, 2, 3, 4]
      .map(
        (i) => `<rect x="${300 + i * 125}" y="370" width="95" height="90" rx="10" fill="#cde7ff"/>`,
      )
      .join('') +
    `<circle cx="380" cy="610" r="52" fill="#212529"/><circle cx="820" cy="610" r="52" fill="#212529"/>` +
    children(d, 6, 760, 90),
  exhibition: (d) =>
    `<rect width="${W}" height="${H}" fill="#f1e3d3"/><rect y="700" width="${W}" height="200" fill="#a98467"/>` +
    // Framed drawings on the wall: houses, suns and scribbles; no people in the picture.
    Array.from({ length: 6 }, (_, i) => {
      const x = 80 + (i % 3) * 370
      const y = 70 + Math.floor(i / 3) * 310
      const colour = d.pick(CLOTHES)
      const drawing = [
        `<polygon points="${x + 70},${y + 170} ${x + 150},${y + 90} ${x + 230},${y + 170}" fill="${colour}"/><rect x="${x + 90}" y="${y + 170}" width="120" height="70" fill="${d.pick(CLOTHES)}"/>`,
        `<circle cx="${x + 150}" cy="${y + 140}" r="${50 + d.rand() * 30}" fill="${colour}"/>`,
        `<path d="M${x + 40} ${y + 200} Q ${x + 110} ${y + 40} ${x + 170} ${y + 180} T ${x + 270} ${y + 120}" stroke="${colour}" stroke-width="14" fill="none"/>`,
      ][i % 3]
      return `<rect x="${x}" y="${y}" width="300" height="260" fill="#6f4518"/><rect x="${x + 14}" y="${y + 14}" width="272" height="232" fill="#fffdf7"/>${drawing}`
    }).join(''),
  autumn: (d) =>
    `<rect width="${W}" height="${H}" fill="#fefae0"/><rect x="80" y="560" width="${W - 160}" height="60" fill="#8b5e34"/><rect x="120" y="620" width="40" height="260" fill="#8b5e34"/><rect x="${W - 160}" y="620" width="40" height="260" fill="#8b5e34"/>` +
    Array.from({ length: 14 }, () => {
      const x = 140 + d.rand() * (W - 280)
      const r = Math.round(d.rand() * 180)
      return `<ellipse cx="${x}" cy="${520 + d.rand() * 40}" rx="42" ry="20" fill="${d.pick(['#bc4749', '#dda15e', '#bb3e03', '#ca6702'])}" transform="rotate(${r} ${x} 540)"/>`
    }).join('') +
    `<circle cx="420" cy="470" r="90" fill="#f77f00"/><rect x="410" y="365" width="20" height="30" fill="#386641"/><circle cx="760" cy="490" r="70" fill="#fcbf49"/>` +
    Array.from(
      { length: 8 },
      (_, i) => `<circle cx="${560 + i * 22}" cy="540" r="14" fill="#6f1d1b"/>`,
    ).join(''),
  forest: (d) =>
    sky('#a7c957', '#dde5b6') +
    Array.from({ length: 7 }, (_, i) =>
      tree(d, 80 + i * 175 + d.rand() * 40, 640, 260 + d.rand() * 120),
    ).join('') +
    `<rect y="640" width="${W}" height="260" fill="#6a994e"/>` +
    // A hut of branches.
    `<polygon points="600,300 420,700 780,700" fill="#9c6644"/>` +
    [0, 1, 2, 3]
      .map(
        (i) =>
          `<line x1="600" y1="300" x2="${440 + i * 105}" y2="700" stroke="#5e3023" stroke-width="12"/>`,
      )
      .join('') +
    children(d, 4, 700, 100),
  farm: (d) =>
    sky('#bde0fe', '#f1faee') +
    `<rect y="560" width="${W}" height="340" fill="#90be6d"/><rect x="820" y="300" width="300" height="260" fill="#9d0208"/><polygon points="800,300 970,180 1140,300" fill="#6a040f"/>` +
    [0, 1, 2, 3, 4, 5, 6, 7]
      .map((i) => `<rect x="${40 + i * 95}" y="540" width="14" height="110" fill="#f8f9fa"/>`)
      .join('') +
    `<rect x="40" y="570" width="700" height="12" fill="#f8f9fa"/>` +
    // Goats.
    [220, 520]
      .map(
        (x) =>
          `<ellipse cx="${x}" cy="720" rx="90" ry="50" fill="#e9ecef"/><circle cx="${x + 95}" cy="670" r="32" fill="#dee2e6"/><rect x="${x - 60}" y="755" width="14" height="60" fill="#495057"/><rect x="${x + 40}" y="755" width="14" height="60" fill="#495057"/>`,
      )
      .join('') +
    children(d, 3, 760, 110),
  letters: (d) =>
    `<rect width="${W}" height="${H}" fill="#edf6f9"/><rect x="100" y="60" width="${W - 200}" height="380" fill="#2b2d42"/>` +
    'ABCDEFGH'
      .split('')
      .map(
        (letter, i) =>
          `<text x="${150 + i * 118}" y="${200 + (i % 2) * 150}" font-family="sans-serif" font-size="120" font-weight="bold" fill="${d.pick(CLOTHES)}">${letter}</text>`,
      )
      .join('') +
    `<rect y="760" width="${W}" height="140" fill="#bc8a5f"/>` +
    children(d, 5, 620, 110),
  paint: (d) =>
    `<rect width="${W}" height="${H}" fill="#ffffff"/>` +
    Array.from(
      { length: 22 },
      () =>
        `<circle cx="${d.rand() * W}" cy="${d.rand() * H}" r="${30 + d.rand() * 90}" fill="${d.pick(CLOTHES)}" opacity="0.8"/>`,
    ).join('') +
    Array.from(
      { length: 6 },
      () =>
        `<path d="M${d.rand() * W} ${d.rand() * H} q 120 -80 240 0 t 240 0" stroke="${d.pick(CLOTHES)}" stroke-width="26" stroke-linecap="round" fill="none"/>`,
    ).join(''),
  gym: (d) =>
    `<rect width="${W}" height="${H}" fill="#ffe8d6"/><rect y="520" width="${W}" height="380" fill="#ddb892"/><line x1="0" y1="700" x2="${W}" y2="700" stroke="#e63946" stroke-width="8"/><circle cx="600" cy="700" r="110" stroke="#e63946" stroke-width="8" fill="none"/>` +
    [0, 1, 2, 3, 4, 5]
      .map((i) => `<rect x="${90 + i * 180}" y="120" width="30" height="380" fill="#b08968"/>`)
      .join('') +
    [300, 880]
      .map((x) => `<circle cx="${x}" cy="820" r="36" fill="${d.pick(CLOTHES)}"/>`)
      .join('') +
    children(d, 5, 560, 120),
}

/** One drawn scene as a JPEG, as a teacher's phone would deliver it (the pipeline makes the rest). */
export async function drawScene(scene: SceneName, variant: number): Promise<Buffer> {
  const rand = random(variant * 7919 + scene.length)
  const draw: Draw = { rand, pick: (list) => list[Math.floor(rand() * list.length)]! }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${SCENES[scene](draw)}</svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer()
}

/**
 * A 2.5-second H.264 clip of ffmpeg's moving test pattern (no camera, no people), or null when
 * ffmpeg cannot run here: the demo then simply has no video.
 */
export async function makeClip(ffmpeg: string): Promise<Buffer | null> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'schoolpost-demo-clip-'))
  const file = path.join(dir, 'clip.mp4')
  try {
    await new Promise<void>((resolve, reject) =>
      execFile(
        ffmpeg,
        [
          ...['-hide_banner', '-nostdin', '-v', 'error'],
          ...['-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=25:duration=2.5'],
          ...['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '30', '-pix_fmt', 'yuv420p'],
          ...['-movflags', '+faststart', file],
        ],
        { timeout: 60_000 },
        (error) => (error ? reject(error) : resolve()),
      ),
    )
    return await readFile(file)
  } catch {
    return null
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
