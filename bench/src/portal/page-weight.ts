/**
 * Page weight as sent: the bytes on the wire of a page's HTML and of the stylesheets and scripts
 * it loads, asked with `Accept-Encoding: gzip, br` like a browser (node:http, which never decodes,
 * so a compressed answer is counted compressed). Images are left out, as in the goal.
 */
import http from 'node:http'

export type PageAssets = { stylesheets: string[]; scripts: string[] }

const attribute = (tag: string, name: string): string | undefined => {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)
  const value = match?.[1] ?? match?.[2] ?? match?.[3]
  return value === undefined ? undefined : decodeEntities(value)
}

function decodeEntities(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

/** The stylesheets (`<link rel="stylesheet">`) and external scripts (`<script src>`) of a page. */
export function parseAssets(html: string): PageAssets {
  const stylesheets: string[] = []
  const scripts: string[] = []
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attribute(tag, 'rel') ?? '').toLowerCase().split(/\s+/)
    const href = attribute(tag, 'href')
    if (rel.includes('stylesheet') && href) stylesheets.push(href)
  }
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attribute(tag, 'src')
    if (src) scripts.push(src)
  }
  return { stylesheets, scripts }
}

/** The URL of the 400 px thumbnail in a page's `srcset`s (the start page's gallery tiles). */
export function findThumbnailPath(html: string, width = 400): string | undefined {
  for (const [tag] of html.matchAll(/<img\b[^>]*>/gi)) {
    const srcset = attribute(tag, 'srcset')
    if (!srcset) continue
    for (const candidate of srcset.split(',')) {
      const [url, descriptor] = candidate.trim().split(/\s+/)
      if (url?.startsWith('/bestanden/') && descriptor === `${width}w`) return url
    }
  }
  return undefined
}

/** The `action` of the page's first form (the login form posts to it). */
export function findFormAction(html: string): string | undefined {
  const tag = /<form\b[^>]*>/i.exec(html)?.[0]
  return tag ? attribute(tag, 'action') : undefined
}

export type RawAnswer = {
  status: number
  headers: http.IncomingHttpHeaders
  /** The body as sent (compressed when the server compressed it). */
  body: Buffer
}

export function getRaw(url: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers, timeout: 30_000 }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      )
      response.on('error', reject)
    })
    request.on('timeout', () => request.destroy(new Error(`timeout: ${url}`)))
    request.on('error', reject)
  })
}

export type AssetWeight = { url: string; status: number; bytes: number; encoding: string | null }

export type PageWeight = {
  path: string
  status: number
  html: AssetWeight
  stylesheets: AssetWeight[]
  scripts: AssetWeight[]
  /** HTML + CSS + JS as sent. */
  totalBytes: number
  /** Whether every part came compressed (a Content-Encoding on each). */
  compressed: boolean
}

const ACCEPT = { 'Accept-Encoding': 'gzip, br' }

async function weigh(url: string, headers: Record<string, string>): Promise<AssetWeight> {
  const answer = await getRaw(url, { ...ACCEPT, ...headers })
  const encoding = answer.headers['content-encoding']
  return {
    url,
    status: answer.status,
    bytes: answer.body.length,
    encoding: encoding && encoding !== 'identity' ? String(encoding) : null,
  }
}

/** The weight of one page for a visitor with `headers` (the session cookie). */
export async function pageWeight(
  origin: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<PageWeight> {
  const pageUrl = new URL(path, origin).href
  const answer = await getRaw(pageUrl, headers) // plain, to read the asset list
  const assets = parseAssets(answer.body.toString('utf8'))
  const html = await weigh(pageUrl, headers)
  const sameOrigin = (href: string) => {
    const url = new URL(href, pageUrl)
    return url.origin === new URL(origin).origin ? url.href : null
  }
  const each = (list: string[]) =>
    Promise.all(
      list
        .map(sameOrigin)
        .filter((u): u is string => !!u)
        .map((u) => weigh(u, headers)),
    )
  const stylesheets = await each(assets.stylesheets)
  const scripts = await each(assets.scripts)
  const parts = [html, ...stylesheets, ...scripts]
  return {
    path,
    status: answer.status,
    html,
    stylesheets,
    scripts,
    totalBytes: parts.reduce((sum, part) => sum + part.bytes, 0),
    compressed: parts.every((part) => part.encoding !== null),
  }
}
