import { randomUUID } from 'node:crypto'

import configPromise from '@payload-config'
import { houseRulesAnswer, portalVersionAnswer } from '@schoolpost/contracts'
import type { Endpoint, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { OPEN_BEFORE_ACCEPTANCE } from '../../src/access/lib/house-rules-gate'
import { answerPortalVersion } from '../../src/collections/Parents/endpoints/portal-version'
import { houseRulesStatus, versionOf } from '../../src/globals/HouseRules/current'
import type { Parent } from '../../src/payload-types'
import { resetClock, setClock } from './helpers/clock'
import { lexicalParagraphs } from './helpers/lexical'
import { rest, testPayload } from './helpers/payload'
import {
  createSchoolFixture,
  FIXTURE_PASSWORD,
  fixtureToken,
  type SchoolFixture,
} from './helpers/school-fixture'

/**
 * The house rules (S18) through the CMS: a parent who has not accepted the version in force gets
 * nothing but the rules from every endpoint of the config; accepting is recorded once, as proof,
 * and only by the accept endpoint; a director's saved change of the text is a new version that
 * every parent accepts again.
 */
describe('the house rules', () => {
  let payload: Payload
  let f: SchoolFixture
  let director: string
  let teacher: string
  let accepted: string
  const tag = randomUUID().slice(0, 8)

  /** A parent of a1 who never accepted anything, and their token. */
  const newParent = async (name: string) => {
    const parent = await payload.create({
      collection: 'parents',
      data: {
        name,
        email: `${name}.${tag}@huisregels.test`,
        password: FIXTURE_PASSWORD,
        status: 'active',
        children: [f.pupils.a1.id],
      },
    })
    return { parent, token: await fixtureToken(payload, 'parents', parent.email) }
  }
  const currentVersion = async () => versionOf(await payload.findGlobal({ slug: 'house-rules' }))
  const getRules = async (token: string) => {
    const res = await rest('GET', '/parents/house-rules', { token })
    return { status: res.status, body: (await res.json()) as Record<string, unknown> }
  }
  const accept = async (token: string, version: unknown) => {
    const res = await rest('POST', '/parents/house-rules/accept', { token, body: { version } })
    return { status: res.status, body: (await res.json()) as Record<string, unknown> }
  }
  const publish = async (token: string, body: unknown, changeNote?: string) => {
    const res = await rest('POST', '/globals/house-rules', {
      token,
      body: { body, ...(changeNote === undefined ? {} : { changeNote }) },
    })
    return { status: res.status, body: (await res.json()) as Record<string, unknown> }
  }
  const acceptancesOf = (parentId: string) =>
    payload.find({
      collection: 'house-rules-acceptances',
      where: { parent: { equals: parentId } },
      depth: 0,
    })

  beforeAll(async () => {
    payload = await testPayload()
    f = await createSchoolFixture(payload)
    director = await fixtureToken(payload, 'staff', f.director.email)
    teacher = await fixtureToken(payload, 'staff', f.teacherTwoGroups.email)
    accepted = await fixtureToken(payload, 'parents', f.parents.multiGroup.email)
  })
  afterAll(() => resetClock())

  it('shows a new parent the rules in force and what they accepted (nothing yet)', async () => {
    const { token } = await newParent('nieuw')
    const { status, body } = await getRules(token)
    expect(status).toBe(200)
    const rules = houseRulesAnswer.parse(body)
    expect(rules.version).toBe(await currentVersion())
    expect(rules.status).toBe('never-accepted')
    expect(rules.accepted).toBeNull()
    expect(rules.html).toMatch(/^<h2>/)
    expect(rules.html).not.toMatch(/<script|style=|class=/)
  })

  it('refuses a parent who has not accepted at every endpoint of the config but the open ones', async () => {
    const { token } = await newParent('poort')
    const config = await configPromise
    const scopes: { prefix: string; endpoints: Endpoint[] | false; scope: string }[] = [
      ...config.collections.map((c) => ({
        prefix: `/${c.slug}`,
        endpoints: c.endpoints,
        scope: c.slug,
      })),
      ...config.globals.map((g) => ({
        prefix: `/globals/${g.slug}`,
        endpoints: g.endpoints,
        scope: `globals/${g.slug}`,
      })),
      { prefix: '', endpoints: config.endpoints, scope: 'root' },
    ]
    const gated: string[] = []
    const open: string[] = []
    for (const { prefix, endpoints, scope } of scopes) {
      for (const endpoint of endpoints || []) {
        const method = endpoint.method.toUpperCase()
        if (!['GET', 'POST', 'PATCH', 'DELETE'].includes(method)) continue
        const key = `${scope} ${method} ${endpoint.path}`
        if (OPEN_BEFORE_ACCEPTANCE.has(key)) {
          open.push(key)
          continue
        }
        // Route parameters get a value of the right shape; nothing is found, but the gate comes first.
        const path = endpoint.path.replace(/:[A-Za-z]+/g, () => randomUUID()).replace(/\*$/, 'x')
        const res = await rest(method as 'GET', `${prefix}${path}`, {
          token,
          ...(method === 'GET' || method === 'DELETE' ? {} : { body: {} }),
        })
        const answer = (await res.json().catch(() => null)) as { code?: string } | null
        expect([key, res.status, answer?.code]).toEqual([key, 403, 'house-rules'])
        gated.push(key)
      }
    }
    // The open list is exactly what the config has: a renamed endpoint would close it silently.
    expect(open.sort()).toEqual([...OPEN_BEFORE_ACCEPTANCE].sort())
    expect(gated).toEqual(
      expect.arrayContaining([
        'posts GET /',
        'media GET /file/:filename',
        'parents GET /home',
        'parents POST /calendar-feed',
        'messages POST /',
        'globals/school-settings GET /',
        'volunteer-requests GET /overview',
      ]),
    )
    expect(gated.length).toBeGreaterThan(150)
  })

  it('lets a parent who accepted the version in force through, and their own record says so', async () => {
    const res = await rest('GET', '/posts?depth=0&limit=1', { token: accepted })
    expect(res.status).toBe(200)
    const me = await rest('GET', '/parents/me', { token: accepted })
    const { user } = (await me.json()) as { user: Parent }
    expect(user.houseRules?.version).toBe(await currentVersion())
  })

  it('records an acceptance once, with the version read, and refuses an outdated one', async () => {
    setClock('2026-12-07T07:05:00.000Z')
    const { parent, token } = await newParent('akkoord')
    const version = await currentVersion()

    expect(await accept(token, version + 1)).toMatchObject({
      status: 409,
      body: { code: 'outdated' },
    })
    for (const bad of ['1', 0, -1, 1.5, null])
      expect((await accept(token, bad)).status, String(bad)).toBe(400)
    expect((await acceptancesOf(parent.id)).totalDocs).toBe(0)

    const first = await accept(token, version)
    // The test clock runs on from the time set: the minute is what is certain.
    const at = expect.stringMatching(/^2026-12-07T07:05:/)
    expect(first).toEqual({ status: 200, body: { ok: true, version, acceptedAt: at } })
    setClock('2026-12-07T08:00:00.000Z')
    // Twice (a second tab): the same answer, one row.
    expect((await accept(token, version)).body).toEqual(first.body)
    const rows = await acceptancesOf(parent.id)
    expect(rows.docs.map((r) => [r.version, r.acceptedAt, r.parentName])).toEqual([
      [version, first.body.acceptedAt, 'akkoord'],
    ])
    const rules = houseRulesAnswer.parse((await getRules(token)).body)
    expect(rules.status).toBe('accepted')
    expect(rules.accepted).toEqual({ version, acceptedAt: first.body.acceptedAt })
    expect((await rest('GET', '/posts?depth=0&limit=1', { token })).status).toBe(200)
  })

  it('keeps the acceptance field and the proof closed to every REST writer', async () => {
    const { parent, token } = await newParent('schrijver')
    const forged = { houseRules: { version: 99, acceptedAt: '2026-01-01T00:00:00.000Z' } }
    // The parent cannot write it (the gate refuses them anything) and neither can the director.
    expect((await rest('PATCH', `/parents/${parent.id}`, { token, body: forged })).status).toBe(403)
    const byDirector = await rest('PATCH', `/parents/${parent.id}`, {
      token: director,
      body: forged,
    })
    expect(byDirector.status).toBe(200)
    const stored = await payload.findByID({ collection: 'parents', id: parent.id, depth: 0 })
    expect(stored.houseRules?.version ?? null).toBeNull()

    const row = {
      parent: parent.id,
      parentName: 'x',
      version: 1,
      acceptedAt: forged.houseRules.acceptedAt,
      key: 'x',
    }
    expect(
      (await rest('POST', '/house-rules-acceptances', { token: director, body: row })).status,
    ).toBe(403)
    // Only directors read the proof.
    await accept(token, await currentVersion())
    const [mine] = (await acceptancesOf(parent.id)).docs
    expect(
      (await rest('GET', `/house-rules-acceptances/${mine!.id}`, { token: director })).status,
    ).toBe(200)
    expect(
      (await rest('GET', `/house-rules-acceptances/${mine!.id}`, { token: teacher })).status,
    ).toBe(403)
    expect((await rest('GET', `/house-rules-acceptances/${mine!.id}`, { token })).status).toBe(403)
    for (const method of ['PATCH', 'DELETE'] as const)
      expect(
        (
          await rest(method, `/house-rules-acceptances/${mine!.id}`, {
            token: director,
            body: method === 'PATCH' ? { version: 7 } : undefined,
          })
        ).status,
      ).toBe(403)
  })

  it('makes a director’s saved change a new version that every parent accepts again', async () => {
    setClock('2026-12-08T12:00:00.000Z')
    const before = await currentVersion()
    const portalBefore = portalVersionAnswer.parse(
      await (await answerPortalVersion(payload, portalRequest(accepted))).json(),
    )
    expect(portalBefore.houseRules).toBe(before)

    // Teachers and parents cannot edit the rules; an empty text is refused in Dutch.
    expect((await publish(teacher, lexicalParagraphs('Nieuwe regels'))).status).toBe(403)
    const empty = await publish(director, lexicalParagraphs('   '))
    expect(empty.status).toBe(400)
    expect(JSON.stringify(empty.body)).toContain('De huisregels mogen niet leeg zijn.')
    expect(await currentVersion()).toBe(before)

    const text = lexicalParagraphs(`Huisregels ${tag}`, 'Deel niets buiten Schoolpost.')
    const saved = await publish(director, text, 'Korter en duidelijker.')
    expect(saved.status).toBe(200)
    const stored = await payload.findGlobal({ slug: 'house-rules' })
    expect([stored.version, stored.publishedAt, stored.changeNote]).toEqual([
      before + 1,
      expect.stringMatching(/^2026-12-08T12:00:/),
      'Korter en duidelijker.',
    ])

    // The parent who accepted the old version is stopped, and told what changed.
    const refused = await rest('GET', '/parents/home', { token: accepted })
    expect(refused.status).toBe(403)
    expect(await refused.json()).toMatchObject({ code: 'house-rules' })
    const rules = houseRulesAnswer.parse((await getRules(accepted)).body)
    expect(rules).toMatchObject({
      version: before + 1,
      status: 'new-version',
      changeNote: 'Korter en duidelijker.',
    })
    expect(rules.html).toContain(`Huisregels ${tag}`)

    // The portal learns it from the version it reads anyway, under a new token.
    const portalAfter = portalVersionAnswer.parse(
      await (await answerPortalVersion(payload, portalRequest(accepted))).json(),
    )
    expect(portalAfter.houseRules).toBe(before + 1)
    expect(portalAfter.version).not.toBe(portalBefore.version)

    // Saving the same text again (or only the note) is no new version; nor is a version sent along.
    expect((await publish(director, text, 'Korter en duidelijker!')).status).toBe(200)
    const forged = await rest('POST', '/globals/house-rules', {
      token: director,
      body: { body: text, version: 1000 },
    })
    expect(forged.status).toBe(200)
    expect(await currentVersion()).toBe(before + 1)

    expect((await accept(accepted, before + 1)).status).toBe(200)
    expect((await rest('GET', '/parents/home', { token: accepted })).status).toBe(200)
  })

  it('keeps each saved version for directors, as proof of what parents accepted', async () => {
    const versions = await rest('GET', '/globals/house-rules/versions?limit=100&depth=0', {
      token: director,
    })
    expect(versions.status).toBe(200)
    const docs = ((await versions.json()) as { docs: { version: { version?: number } }[] }).docs
    expect(docs.map((d) => d.version.version)).toContain(await currentVersion())
    expect((await rest('GET', '/globals/house-rules/versions', { token: teacher })).status).toBe(
      403,
    )
  })
})

describe('who has accepted the house rules in force (the directors’ dashboard)', () => {
  it('counts the active parents who accepted and names those who have not, on either database', async () => {
    const payload = await testPayload()
    const f = await createSchoolFixture(payload)
    const version = versionOf(await payload.findGlobal({ slug: 'house-rules' }))
    const tag = randomUUID().slice(0, 8)
    const parent = (name: string, data: Record<string, unknown>) =>
      payload.create({
        collection: 'parents',
        data: {
          name: `${name} ${tag}`,
          email: `${name}.${tag}@status.test`,
          password: FIXTURE_PASSWORD,
          children: [f.pupils.a1.id],
          status: 'active',
          ...data,
        } as never,
      })
    await parent('Nooit', {})
    await parent('Oud', {
      houseRules: { version: version - 1, acceptedAt: new Date().toISOString() },
    })
    await parent('Akkoord', { houseRules: { version, acceptedAt: new Date().toISOString() } })
    await parent('Weg', { status: 'deactivated' })
    const status = await houseRulesStatus(payload, version, 100_000)
    expect(status.accepted + status.pending.count).toBe(status.total)
    const ours = status.pending.names.filter((name) => name.endsWith(tag)).sort()
    expect(ours).toEqual([`Nooit ${tag}`, `Oud ${tag}`])
  })
})

const portalRequest = (token: string) =>
  new Request('http://localhost/api/portal-version', { headers: { Authorization: `JWT ${token}` } })
