import type { AstroCookies, AstroCookieSetOptions } from 'astro'

export type CookieWrite = {
  name: string
  value: string
  options: AstroCookieSetOptions | undefined
}

/** An in-memory stand-in for Astro's cookies, recording every write. */
export function fakeCookies(initial: Record<string, string> = {}) {
  const jar = new Map(Object.entries(initial))
  const writes: CookieWrite[] = []
  const deletes: { name: string; options: unknown }[] = []
  const cookies = {
    get: (name: string) => {
      const value = jar.get(name)
      return value === undefined ? undefined : { value }
    },
    has: (name: string) => jar.has(name),
    set: (name: string, value: string, options?: AstroCookieSetOptions) => {
      jar.set(name, String(value))
      writes.push({ name, value: String(value), options })
    },
    delete: (name: string, options?: unknown) => {
      jar.delete(name)
      deletes.push({ name, options })
    },
  }
  return { cookies: cookies as unknown as AstroCookies, jar, writes, deletes }
}
