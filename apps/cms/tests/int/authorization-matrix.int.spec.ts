import { randomUUID } from 'node:crypto'
import sharp from 'sharp'
import type { CollectionSlug, Payload, PayloadRequest } from 'payload'
import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { signUpEndpoint } from '../../src/collections/VolunteerSignups/endpoints/sign-up'
import { resetClock, setClock } from './helpers/clock'
import { plainPng } from './helpers/images'
import { rest, testPayload } from './helpers/payload'
import {
  asUser,
  createSchoolFixture,
  FIXTURE_PASSWORD,
  type SchoolFixture,
  fixtureToken,
} from './helpers/school-fixture'

/**
 * The authorization matrix of brief section 2: every actor × resource × operation × channel,
 * generated from one table of expectations. It covers every collection and global of the built
 * config, Payload's own included: a collection without a row here fails the first test.
 */
type ActorKey =
  | 'director'
  | 'office'
  | 'teacherAB'
  | 'teacherC'
  | 'parentMulti'
  | 'guardianB1'
  | 'deactivated'
  | 'anonymous'
type Op = 'create' | 'read' | 'list' | 'update' | 'delete'
type Channel = 'local' | 'rest'
type Resource = {
  slug: CollectionSlug
  targets: string[]
  /** May `actor` see / change the fixture record `target`? */
  read: (actor: ActorKey, target: string) => boolean
  update: (actor: ActorKey, target: string) => boolean
  remove: (actor: ActorKey, target: string) => boolean
  /** null: creating needs more than JSON (an upload) and is covered by its own tests. */
  create: ((actor: ActorKey) => boolean) | null
}
const nobody = () => false

// 'anonymous' is a request without a token (REST) or a Local API call without a user.
const ACTORS: ActorKey[] = [
  'director',
  'office',
  'teacherAB',
  'teacherC',
  'parentMulti',
  'guardianB1',
  'deactivated',
  'anonymous',
]
const isStaff = (a: ActorKey) => ['director', 'office', 'teacherAB', 'teacherC'].includes(a)
const isAdminish = (a: ActorKey) => a === 'director' || a === 'office'
const table = (rows: Partial<Record<ActorKey, string[]>>) => (actor: ActorKey, target: string) =>
  (rows[actor] ?? []).includes(target)

/** A valid volunteer request for the matrix's samples and creates (S4). */
function volunteerRequestData(groups: string[], status: 'draft' | 'published') {
  return {
    title: 'Matrix: hulp',
    description: 'Hulp gezocht.',
    audience: 'groups',
    groups,
    status,
    slots: [{ label: 'Helpen', date: '2099-03-09', from: '08:30', to: '10:00', places: 2 }],
  }
}

/** A valid calendar item (issue #15) for the matrix's samples and creates. */
function eventData(audience: 'groups' | 'school', groups: string[], status: 'draft' | 'published') {
  return {
    title: 'Matrix: agenda',
    description: 'Een dag in de agenda.',
    audience,
    groups,
    allDay: true,
    date: '2027-01-15',
    status,
  }
}

const RESOURCES: Resource[] = [
  {
    slug: 'staff',
    targets: ['director', 'teacherC'],
    read: (a) => isStaff(a),
    update: (a, t) => a === 'director' || a === t,
    remove: (a) => a === 'director',
    create: (a) => a === 'director',
  },
  {
    slug: 'parents',
    targets: ['parentMulti', 'guardianB1', 'deactivated'],
    read: (a, t) =>
      isAdminish(a) ||
      table({
        teacherAB: ['parentMulti', 'guardianB1', 'deactivated'],
        teacherC: ['parentMulti'],
        parentMulti: ['parentMulti'],
        guardianB1: ['guardianB1'],
      })(a, t),
    update: (a, t) =>
      isAdminish(a) || table({ parentMulti: ['parentMulti'], guardianB1: ['guardianB1'] })(a, t),
    remove: isAdminish,
    create: isAdminish,
  },
  {
    slug: 'groups',
    targets: ['a', 'b', 'c'],
    read: (a, t) =>
      isAdminish(a) ||
      table({ teacherAB: ['a', 'b'], teacherC: ['c'], parentMulti: ['a', 'c'], guardianB1: ['b'] })(
        a,
        t,
      ),
    update: isAdminish,
    remove: isAdminish,
    create: isAdminish,
  },
  {
    slug: 'pupils',
    targets: ['a1', 'b1', 'c2'],
    read: (a, t) =>
      isAdminish(a) ||
      table({ teacherAB: ['a1', 'b1'], teacherC: ['c2'], parentMulti: ['a1'], guardianB1: ['b1'] })(
        a,
        t,
      ),
    update: isAdminish,
    remove: isAdminish,
    create: isAdminish,
  },
  {
    slug: 'invitations',
    targets: ['invitation'],
    read: isAdminish,
    update: () => false,
    remove: () => false,
    create: () => false,
  },
  {
    slug: 'email-log',
    targets: ['email'],
    read: isAdminish,
    update: () => false,
    remove: () => false,
    create: () => false,
  },
  {
    // Notification rows are the system's own record (C1): directors and office read, nobody writes.
    slug: 'post-notifications',
    targets: ['notification'],
    read: isAdminish,
    update: () => false,
    remove: () => false,
    create: () => false,
  },
  {
    // postA: group A, published, by teacherAB; postSchool: school news by the director;
    // draftA: a group A draft by teacherAB.
    slug: 'posts',
    targets: ['postA', 'postSchool', 'draftA'],
    read: (a, t) =>
      a === 'director' ||
      table({
        teacherAB: ['postA', 'postSchool', 'draftA'],
        teacherC: ['postSchool'],
        parentMulti: ['postA', 'postSchool'],
        guardianB1: ['postSchool'],
      })(a, t),
    update: (a, t) => a === 'director' || table({ teacherAB: ['postA', 'draftA'] })(a, t),
    remove: (a, t) => a === 'director' || table({ teacherAB: ['postA', 'draftA'] })(a, t),
    create: (a) => a === 'director' || a === 'teacherAB' || a === 'teacherC',
  },
  {
    // photoA: tags a1, a2, c1, in postA; photoDraft: only in draftA; photoTalkA1: tags a1 and a2,
    // attached to teacherAB's message in talkA1 (in no post). All uploaded by teacherAB. A
    // message's photo reaches the conversation's participants only: a1's guardian, not a2's
    // deactivated one, not the teacher of another group.
    slug: 'media',
    targets: ['photoA', 'photoDraft', 'photoTalkA1'],
    read: (a, t) =>
      a === 'director' ||
      a === 'teacherAB' ||
      table({ parentMulti: ['photoA', 'photoTalkA1'] })(a, t),
    update: (a) => a === 'director' || a === 'teacherAB',
    remove: (a) => a === 'director' || a === 'teacherAB',
    create: null,
  },
  {
    // A report by parentMulti about postA.
    slug: 'reports',
    targets: ['report'],
    read: (a) => a === 'director' || a === 'teacherAB' || a === 'parentMulti',
    update: (a) => a === 'director' || a === 'teacherAB',
    remove: () => false,
    create: (a) => a === 'parentMulti' || a === 'guardianB1',
  },
  {
    // absenceA1: a1 (group A) reported sick by parentMulti; absenceB1: b1 (group B), planned, by
    // guardianB1. Every guardian of the child, the group's teachers, office and directors read it;
    // the same may change it (which change is the status hook's); nobody deletes history.
    slug: 'absences',
    targets: ['absenceA1', 'absenceB1'],
    read: (a, t) =>
      isAdminish(a) ||
      table({
        teacherAB: ['absenceA1', 'absenceB1'],
        parentMulti: ['absenceA1'],
        guardianB1: ['absenceB1'],
      })(a, t),
    update: (a, t) =>
      isAdminish(a) ||
      table({
        teacherAB: ['absenceA1', 'absenceB1'],
        parentMulti: ['absenceA1'],
        guardianB1: ['absenceB1'],
      })(a, t),
    remove: nobody,
    // The sample is a1's: its parent, and the office or director taking a phone call.
    create: (a) => a === 'parentMulti' || isAdminish(a),
  },
  {
    // leaveA1: requested by parentMulti for a1; leaveB1: approved leave of b1. Teachers see only
    // approved leave of their groups; the director decides, a parent withdraws their own.
    slug: 'leave-requests',
    targets: ['leaveA1', 'leaveB1'],
    read: (a, t) =>
      isAdminish(a) ||
      table({ teacherAB: ['leaveB1'], parentMulti: ['leaveA1'], guardianB1: ['leaveB1'] })(a, t),
    update: (a, t) =>
      a === 'director' || table({ parentMulti: ['leaveA1'], guardianB1: ['leaveB1'] })(a, t),
    remove: nobody,
    create: (a) => a === 'parentMulti',
  },
  {
    // requestA: teacherAB's published request to group A; requestSchool: the director's draft
    // for the whole school. Teachers read school-wide requests and those of their groups; parents
    // published ones for their children's groups; teachers change their own or their groups'.
    slug: 'volunteer-requests',
    targets: ['requestA', 'requestSchool'],
    read: (a, t) =>
      isAdminish(a) ||
      table({
        teacherAB: ['requestA', 'requestSchool'],
        teacherC: ['requestSchool'],
        parentMulti: ['requestA'],
      })(a, t),
    update: (a, t) => a === 'director' || table({ teacherAB: ['requestA'] })(a, t),
    remove: (a, t) => a === 'director' || table({ teacherAB: ['requestA'] })(a, t),
    create: (a) => a === 'director' || a === 'teacherAB',
  },
  {
    // Calendar items (issue #15), the same rules as volunteer requests. eventA: teacherAB's
    // published item for group A; eventSchool: the director's published item for the whole
    // school; draftSchool: the director's school-wide draft. Teachers read school-wide items
    // (drafts too) and those of their groups; parents published ones for the school or their
    // children's groups; only directors change school-wide items, a teacher their groups'.
    slug: 'events',
    targets: ['eventA', 'eventSchool', 'draftSchool'],
    read: (a, t) =>
      isAdminish(a) ||
      table({
        teacherAB: ['eventA', 'eventSchool', 'draftSchool'],
        teacherC: ['eventSchool', 'draftSchool'],
        parentMulti: ['eventA', 'eventSchool'],
        guardianB1: ['eventSchool'],
      })(a, t),
    update: (a, t) => a === 'director' || table({ teacherAB: ['eventA'] })(a, t),
    remove: (a, t) => a === 'director' || table({ teacherAB: ['eventA'] })(a, t),
    // The sample is a group A draft: a director, or group A's teacher (teacherC: 403 in the hook).
    create: (a) => a === 'director' || a === 'teacherAB',
  },
  {
    // signupA: parentMulti signed up for requestA. Only the endpoints write sign-ups; the parent,
    // the request's teacher, the office and directors read it — never another parent.
    slug: 'volunteer-signups',
    targets: ['signupA'],
    read: (a) => isAdminish(a) || a === 'teacherAB' || a === 'parentMulti',
    update: nobody,
    remove: nobody,
    create: () => false,
  },
  {
    // The place signupA holds: internal, nobody reads or writes it over the API.
    slug: 'volunteer-seats',
    targets: ['seatA'],
    read: nobody,
    update: nobody,
    remove: nobody,
    create: () => false,
  },
  {
    // talkA1: a kind-gesprek about a1 (group A) that teacherAB started; questionB1: guardianB1's
    // question to the teachers about b1 (group B). Every guardian is in a kind-gesprek, only the
    // asking parent in a question; the group's teachers in both; directors list every one; the
    // office none. Nothing changes after the start, nothing is deleted.
    slug: 'conversations',
    targets: ['talkA1', 'questionB1'],
    read: (a, t) =>
      a === 'director' ||
      table({
        teacherAB: ['talkA1', 'questionB1'],
        parentMulti: ['talkA1'],
        guardianB1: ['questionB1'],
      })(a, t),
    update: nobody,
    remove: nobody,
    // The sample is about a1: its teacher, a director, its parent.
    create: (a) => a === 'director' || a === 'teacherAB' || a === 'parentMulti',
  },
  {
    // msgTalkA1: teacherAB's message in talkA1; msgQuestionB1: guardianB1's in questionB1;
    // heldA1: parentMulti's message in talkA1 the conduct check held. The director opened
    // questionB1 (recorded), not talkA1: they read held messages and what is in questionB1.
    slug: 'messages',
    targets: ['msgTalkA1', 'msgQuestionB1', 'heldA1'],
    read: (a, t) =>
      table({
        director: ['msgQuestionB1', 'heldA1'],
        teacherAB: ['msgTalkA1', 'msgQuestionB1'],
        parentMulti: ['msgTalkA1', 'heldA1'],
        guardianB1: ['msgQuestionB1'],
      })(a, t),
    // The sample change names the status it has (delivered): a parent may not write the status
    // (dropped) and changes only their own messages; staff move it only between delivered and
    // hidden, so nobody delivers a held message but its writer rephrasing it.
    update: (a, t) =>
      table({
        director: ['msgQuestionB1'],
        teacherAB: ['msgTalkA1', 'msgQuestionB1'],
        parentMulti: ['heldA1'],
        guardianB1: ['msgQuestionB1'],
      })(a, t),
    remove: nobody,
    // The sample is a message in talkA1: its participants (the director has not opened it).
    create: (a) => a === 'teacherAB' || a === 'parentMulti',
  },
  {
    // readA1: teacherAB's read mark in talkA1 (set by their own message). Participants read the
    // marks; only the CMS writes them.
    slug: 'conversation-reads',
    targets: ['readA1'],
    read: (a) => a === 'teacherAB' || a === 'parentMulti',
    update: nobody,
    remove: nobody,
    create: nobody,
  },
  {
    // The record of the director opening questionB1: directors only, never changed or deleted.
    slug: 'conversation-openings',
    targets: ['opening'],
    read: (a) => a === 'director',
    update: nobody,
    remove: nobody,
    create: (a) => a === 'director',
  },
  {
    // parentMulti's feedback (S20): every staff member reads it, the sender their own; directors
    // answer; nobody deletes it; parents send it.
    slug: 'feedback',
    targets: ['feedbackMulti'],
    read: (a) => isStaff(a) || a === 'parentMulti',
    update: (a) => a === 'director',
    remove: nobody,
    create: (a) => a === 'parentMulti' || a === 'guardianB1',
  },
  {
    // A row of the security log (issue #16): directors read it; the CMS alone writes it, and
    // nobody changes or deletes it through the API (the retention job ages it out).
    slug: 'audit-events',
    targets: ['event'],
    read: (a) => a === 'director',
    update: nobody,
    remove: nobody,
    create: nobody,
  },
  {
    // parentMulti's acceptance of the house rules: proof for directors, written only by the
    // accept endpoint, never changed or deleted.
    slug: 'house-rules-acceptances',
    targets: ['acceptance'],
    read: (a) => a === 'director',
    update: nobody,
    remove: nobody,
    create: nobody,
  },
  {
    // parentMulti's choice for a1.
    slug: 'image-consents',
    targets: ['consent'],
    read: (a) => isStaff(a) || a === 'parentMulti',
    update: () => false,
    remove: () => false,
    create: () => false,
  },
  {
    // The history of consent choices: written by the consent hook only, read by staff.
    slug: 'image-consent-changes',
    targets: ['change'],
    read: isStaff,
    update: nobody,
    remove: nobody,
    create: nobody,
  },
  {
    // A lock the director holds. Staff see every lock (the admin shows who is editing); only the
    // holder releases it; the one change allowed is taking a lock for oneself (the update names
    // the director, so only the director's own take-over passes). Rows come from the admin's
    // own database writes, never from a request.
    slug: 'payload-locked-documents',
    targets: ['lock'],
    read: isStaff,
    update: (a) => a === 'director',
    remove: (a) => a === 'director',
    create: nobody,
  },
  {
    // The director's admin preference (list columns): their own, nobody else's.
    slug: 'payload-preferences',
    targets: ['preference'],
    read: (a) => a === 'director',
    update: (a) => a === 'director',
    remove: (a) => a === 'director',
    create: isStaff,
  },
  // The job queue (the outbox), the key-value store and the migration log: the CMS itself only.
  {
    slug: 'payload-jobs',
    targets: ['job'],
    read: nobody,
    update: nobody,
    remove: nobody,
    create: nobody,
  },
  {
    slug: 'payload-kv',
    targets: ['entry'],
    read: nobody,
    update: nobody,
    remove: nobody,
    create: nobody,
  },
  {
    slug: 'payload-migrations',
    targets: ['migration'],
    read: nobody,
    update: nobody,
    remove: nobody,
    create: nobody,
  },
]
const GLOBALS = ['house-rules', 'school-settings']

let cases = 0

describe('authorization matrix', () => {
  let payload: Payload
  let f: SchoolFixture
  const users: Partial<Record<ActorKey, ReturnType<typeof asUser>>> = {}
  const tokens: Partial<Record<ActorKey, string>> = {}
  const ids: Record<string, Record<string, string>> = {}

  const fileStarted = new Date().toISOString()
  let spareRequest: string
  let spareConversation = ''

  beforeAll(async () => {
    // Absences follow the school's clock: Monday 7 December 2026, 08:00 in Amsterdam.
    setClock('2026-12-07T07:00:00Z')
    payload = await testPayload()
    f = await createSchoolFixture(payload)
    users.director = asUser('staff', f.director)
    users.office = asUser('staff', f.office)
    users.teacherAB = asUser('staff', f.teacherTwoGroups)
    users.teacherC = asUser('staff', f.teacherOther)
    users.parentMulti = asUser('parents', f.parents.multiGroup)
    users.guardianB1 = asUser('parents', f.parents.guardianOne)
    users.deactivated = asUser('parents', f.parents.deactivated)
    tokens.director = await fixtureToken(payload, 'staff', f.director.email)
    tokens.office = await fixtureToken(payload, 'staff', f.office.email)
    tokens.teacherAB = await fixtureToken(payload, 'staff', f.teacherTwoGroups.email)
    tokens.teacherC = await fixtureToken(payload, 'staff', f.teacherOther.email)
    tokens.parentMulti = await fixtureToken(payload, 'parents', f.parents.multiGroup.email)
    tokens.guardianB1 = await fixtureToken(payload, 'parents', f.parents.guardianOne.email)
    // A deactivated parent's old token: issued while active, then the account is deactivated.
    await payload.update({
      collection: 'parents',
      id: f.parents.deactivated.id,
      data: { status: 'active' },
    })
    tokens.deactivated = await fixtureToken(payload, 'parents', f.parents.deactivated.email)
    await payload.update({
      collection: 'parents',
      id: f.parents.deactivated.id,
      data: { status: 'deactivated' },
    })

    const invited = await payload.create({
      collection: 'parents',
      data: {
        name: 'uitgenodigd',
        email: `inv.${randomUUID()}@fixture.test`,
        password: 'x'.repeat(20),
        status: 'invited',
        children: [f.pupils.c2.id],
      },
    })
    const invitation = await payload.create({
      collection: 'invitations',
      data: {
        parent: invited.id,
        tokenHash: randomUUID(),
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
    })
    const email = await payload.create({
      collection: 'email-log',
      data: {
        to: 'x@fixture.test',
        subject: 'Matrix',
        kind: 'test',
        status: 'captured',
        idempotencyKey: randomUUID(),
      },
    })
    ids.staff = { director: f.director.id, teacherC: f.teacherOther.id }
    ids.parents = {
      parentMulti: f.parents.multiGroup.id,
      guardianB1: f.parents.guardianOne.id,
      deactivated: f.parents.deactivated.id,
    }
    ids.groups = { a: f.groups.a.id, b: f.groups.b.id, c: f.groups.c.id }
    ids.pupils = { a1: f.pupils.a1.id, b1: f.pupils.b1.id, c2: f.pupils.c2.id }
    ids.invitations = { invitation: invitation.id }
    ids['email-log'] = { email: email.id }

    const photo = (name: string) =>
      plainPng(64, 48, '#4a7').then((data) => ({
        data,
        mimetype: 'image/png',
        name,
        size: data.length,
      }))
    const photoA = await payload.create({
      collection: 'media',
      data: { pupils: [f.pupils.a1.id, f.pupils.a2.id, f.pupils.c1.id] },
      file: await photo('a.png'),
      user: users.teacherAB,
    })
    const photoDraft = await payload.create({
      collection: 'media',
      data: { noRecognisablePupils: true },
      file: await photo('d.png'),
      user: users.teacherAB,
    })
    const photoTalkA1 = await payload.create({
      collection: 'media',
      data: { pupils: [f.pupils.a1.id, f.pupils.a2.id] },
      file: await photo('t.png'),
      user: users.teacherAB,
    })
    const post = (data: Record<string, unknown>, user: unknown) =>
      payload.create({ collection: 'posts', data: data as never, user, overrideAccess: false })
    const postA = await post(
      {
        title: 'A',
        audience: 'groups',
        groups: [f.groups.a.id],
        status: 'published',
        gallery: [photoA.id],
      },
      users.teacherAB,
    )
    const postSchool = await post(
      { title: 'School', audience: 'school', status: 'published' },
      users.director,
    )
    const draftA = await post(
      {
        title: 'Concept A',
        audience: 'groups',
        groups: [f.groups.a.id],
        status: 'draft',
        gallery: [photoDraft.id],
      },
      users.teacherAB,
    )
    const report = await payload.create({
      collection: 'reports',
      data: { post: postA.id, category: 'privacy', text: 'matrix', status: 'open' },
      user: users.parentMulti,
      overrideAccess: false,
    })
    const consent = await payload.create({
      collection: 'image-consents',
      data: { pupil: f.pupils.a1.id, guardian: f.parents.multiGroup.id, allowed: true },
    })
    ids.posts = { postA: postA.id, postSchool: postSchool.id, draftA: draftA.id }
    ids.media = { photoA: photoA.id, photoDraft: photoDraft.id, photoTalkA1: photoTalkA1.id }
    ids.reports = { report: report.id }
    const feedback = await payload.create({
      collection: 'feedback',
      data: { topic: 'schoolpost', message: 'Matrix: fijn dat de agenda er is.' } as never,
      user: users.parentMulti,
      overrideAccess: false,
    })
    ids.feedback = { feedbackMulti: feedback.id }
    ids['image-consents'] = { consent: consent.id }
    const absenceA1 = await payload.create({
      collection: 'absences',
      data: { pupil: f.pupils.a1.id, kind: 'sick', date: '2026-12-07' } as never,
      user: users.parentMulti,
      overrideAccess: false,
    })
    const absenceB1 = await payload.create({
      collection: 'absences',
      data: {
        pupil: f.pupils.b1.id,
        kind: 'planned',
        date: '2026-12-08',
        reason: 'tandarts',
      } as never,
      user: users.guardianB1,
      overrideAccess: false,
    })
    ids.absences = { absenceA1: absenceA1.id, absenceB1: absenceB1.id }
    const leaveA1 = await payload.create({
      collection: 'leave-requests',
      data: leaveData(f.pupils.a1.id),
      user: users.parentMulti,
      overrideAccess: false,
    })
    const leaveB1 = await payload.create({
      collection: 'leave-requests',
      data: leaveData(f.pupils.b1.id),
      user: users.guardianB1,
      overrideAccess: false,
    })
    await payload.update({
      collection: 'leave-requests',
      id: leaveB1.id,
      data: { status: 'approved' },
      user: users.director,
      overrideAccess: false,
    })
    ids['leave-requests'] = { leaveA1: leaveA1.id, leaveB1: leaveB1.id }
    const talkA1 = await payload.create({
      collection: 'conversations',
      data: { pupil: f.pupils.a1.id, subject: 'Matrix: lezen' } as never,
      user: users.teacherAB,
      overrideAccess: false,
    })
    const questionB1 = await payload.create({
      collection: 'conversations',
      data: { pupil: f.pupils.b1.id, subject: 'Matrix: vraag' } as never,
      user: users.guardianB1,
      overrideAccess: false,
    })
    // Not a target: the conversation the openings' sample opens (talkA1 stays unopened).
    spareConversation = (
      await payload.create({
        collection: 'conversations',
        data: { pupil: f.pupils.c1.id, subject: 'Matrix: reserve' } as never,
        user: users.teacherC,
        overrideAccess: false,
      })
    ).id
    const message = (
      user: (typeof users)[ActorKey],
      conversation: string,
      body: string,
      attachments: string[] = [],
    ) =>
      payload.create({
        collection: 'messages',
        data: { conversation, body, attachments } as never,
        user,
        overrideAccess: false,
      })
    const msgTalkA1 = await message(users.teacherAB, talkA1.id, 'Matrix: goed gelezen', [
      photoTalkA1.id,
    ])
    expect(msgTalkA1.withPhotos).toBe(true)
    const msgQuestionB1 = await message(users.guardianB1, questionB1.id, 'Matrix: een vraag')
    const heldA1 = await message(users.parentMulti, talkA1.id, 'Matrix: wat een klootzak')
    expect(heldA1.status).toBe('held')
    const opening = await payload.create({
      collection: 'conversation-openings',
      data: { conversation: questionB1.id, reason: 'Matrix: zorg' } as never,
      user: users.director,
      overrideAccess: false,
    })
    const readA1 = await payload.find({
      collection: 'conversation-reads',
      where: { readKey: { equals: `${talkA1.id}:staff:${f.teacherTwoGroups.id}` } },
    })
    ids.conversations = { talkA1: talkA1.id, questionB1: questionB1.id }
    ids.messages = {
      msgTalkA1: msgTalkA1.id,
      msgQuestionB1: msgQuestionB1.id,
      heldA1: heldA1.id,
    }
    ids['conversation-reads'] = { readA1: readA1.docs[0]!.id }
    ids['conversation-openings'] = { opening: opening.id }
    const requestA = await payload.create({
      collection: 'volunteer-requests',
      data: volunteerRequestData([f.groups.a.id], 'published') as never,
      user: users.teacherAB,
      overrideAccess: false,
    })
    const requestSchool = await payload.create({
      collection: 'volunteer-requests',
      data: { ...volunteerRequestData([], 'draft'), audience: 'school' } as never,
      user: users.director,
      overrideAccess: false,
    })
    const signupReq = await createLocalReq(
      {
        user: users.parentMulti as never,
        req: {
          routeParams: { id: requestA.id },
          json: async () => ({ slot: requestA.slots[0]!.id }),
        } as Partial<PayloadRequest>,
      },
      payload,
    )
    expect((await signUpEndpoint.handler(signupReq)).status).toBe(201)
    const signupA = (
      await payload.find({
        collection: 'volunteer-signups',
        where: { request: { equals: requestA.id } },
      })
    ).docs[0]!
    const seatA = (
      await payload.find({
        collection: 'volunteer-seats',
        where: { signup: { equals: signupA.id } },
      })
    ).docs[0]!
    ids['volunteer-requests'] = { requestA: requestA.id, requestSchool: requestSchool.id }
    // Not a target: the request the clones of sign-ups and places belong to.
    spareRequest = (
      await payload.create({
        collection: 'volunteer-requests',
        data: volunteerRequestData([f.groups.a.id], 'published') as never,
      })
    ).id
    ids['volunteer-signups'] = { signupA: signupA.id }
    ids['volunteer-seats'] = { seatA: seatA.id }
    const event = (data: Record<string, unknown>, user: unknown) =>
      payload.create({
        collection: 'events',
        data: data as never,
        user,
        overrideAccess: false,
        depth: 0,
      })
    const eventA = await event(eventData('groups', [f.groups.a.id], 'published'), users.teacherAB)
    const eventSchool = await event(eventData('school', [], 'published'), users.director)
    const draftSchool = await event(eventData('school', [], 'draft'), users.director)
    expect(eventA.createdBy).toBe(f.teacherTwoGroups.id)
    ids.events = {
      eventA: eventA.id,
      eventSchool: eventSchool.id,
      draftSchool: draftSchool.id,
    }
    ids['post-notifications'] = { notification: (await notificationRow()).id }
    ids['image-consent-changes'] = { change: (await consentChangeRow()).id }
    const acceptance = await payload.create({
      collection: 'house-rules-acceptances',
      data: {
        parent: f.parents.multiGroup.id,
        parentName: f.parents.multiGroup.name,
        version: 1,
        acceptedAt: new Date().toISOString(),
        key: `matrix:${randomUUID()}`,
      },
    })
    ids['house-rules-acceptances'] = { acceptance: acceptance.id }
    ids['audit-events'] = { event: await auditRow() }
    ids['payload-locked-documents'] = { lock: (await directorsLock()).id }
    ids['payload-preferences'] = { preference: (await directorsPreference()).id }
    ids['payload-jobs'] = { job: (await jobRow()).id }
    ids['payload-kv'] = { entry: (await kvRow()).id }
    ids['payload-migrations'] = { migration: (await migrationRow()).id }
  })

  afterAll(async () => {
    resetClock()
    // The database outlives this file: leave no job, key or migration row (fixtures and the
    // clones nobody was allowed to delete) for the next one — Payload reads the migration log
    // when the next file starts.
    await payload.delete({ collection: 'payload-jobs', where: { queue: { like: 'matrix' } } })
    // The confirmations and leave emails the absences above queued: never sent, not left for
    // the next file's queue.
    await payload.delete({
      collection: 'payload-jobs',
      where: { createdAt: { greater_than_equal: fileStarted } },
    })
    await payload.delete({ collection: 'payload-kv', where: { key: { like: 'matrix-' } } })
    await payload.delete({ collection: 'payload-migrations', where: { name: { like: 'matrix-' } } })
    expect(
      (
        await payload.count({
          collection: 'payload-migrations',
          where: { name: { like: 'matrix-' } },
        })
      ).totalDocs,
    ).toBe(0)
    console.log(`authorization matrix: ${cases} cases (actor × resource × operation × channel)`)
  })

  /** A fresh record in the same scope as `target`, to delete without disturbing the fixture. */
  async function cloneOf(slug: CollectionSlug, target: string): Promise<string> {
    const tag = randomUUID().slice(0, 8)
    switch (slug) {
      case 'staff':
        return (
          await payload.create({
            collection: 'staff',
            data: {
              name: 'kloon',
              email: `kloon.${tag}@fixture.test`,
              role: target === 'director' ? 'director' : 'teacher',
              password: FIXTURE_PASSWORD,
            },
          })
        ).id
      case 'parents': {
        const source = await payload.findByID({
          collection: 'parents',
          id: ids.parents![target]!,
          depth: 0,
        })
        return (
          await payload.create({
            collection: 'parents',
            data: {
              name: 'kloon',
              email: `kloon.${tag}@fixture.test`,
              status: source.status,
              children: source.children as string[],
              password: FIXTURE_PASSWORD,
            },
          })
        ).id
      }
      case 'groups': {
        const source = await payload.findByID({
          collection: 'groups',
          id: ids.groups![target]!,
          depth: 0,
        })
        return (
          await payload.create({
            collection: 'groups',
            data: {
              name: `kloon ${tag}`,
              schoolYear: '2026-2027',
              teachers: source.teachers as string[],
            },
          })
        ).id
      }
      case 'pupils': {
        const source = await payload.findByID({
          collection: 'pupils',
          id: ids.pupils![target]!,
          depth: 0,
        })
        return (
          await payload.create({
            collection: 'pupils',
            data: { firstName: 'kloon', lastName: tag, group: source.group as string },
          })
        ).id
      }
      case 'invitations':
        return (
          await payload.create({
            collection: 'invitations',
            data: {
              parent: f.parents.guardianTwo.id,
              tokenHash: randomUUID(),
              expiresAt: new Date().toISOString(),
            },
          })
        ).id
      case 'posts': {
        const source = await payload.findByID({
          collection: 'posts',
          id: ids.posts![target]!,
          depth: 0,
        })
        return (
          await payload.create({
            collection: 'posts',
            data: {
              title: `kloon ${tag}`,
              audience: source.audience,
              groups: source.groups as string[],
              status: 'draft',
              author: source.author as string,
            },
          })
        ).id
      }
      case 'media': {
        const data = await sharp({
          create: { width: 8, height: 8, channels: 3, background: '#000' },
        })
          .png()
          .toBuffer()
        const source = await payload.findByID({
          collection: 'media',
          id: ids.media![target]!,
          depth: 0,
        })
        return (
          await payload.create({
            collection: 'media',
            data: { noRecognisablePupils: true, uploadedBy: source.uploadedBy as string },
            file: { data, mimetype: 'image/png', name: `kloon-${tag}.png`, size: data.length },
          })
        ).id
      }
      case 'feedback':
        return (
          await payload.create({
            collection: 'feedback',
            data: {
              topic: 'school',
              message: 'Kloon van feedback',
              parent: f.parents.guardianTwo.id,
              parentName: 'kloon',
              status: 'nieuw',
            },
          })
        ).id
      case 'reports':
        return (
          await payload.create({
            collection: 'reports',
            data: { post: ids.posts!.postA!, category: 'other', text: 'kloon', status: 'open' },
          })
        ).id
      case 'image-consents':
        return (
          await payload.create({
            collection: 'image-consents',
            data: { pupil: f.pupils.c2.id, guardian: f.parents.guardianTwo.id, allowed: true },
          })
        ).id
      case 'post-notifications':
        return (await notificationRow()).id
      case 'absences': {
        const source = await payload.findByID({
          collection: 'absences',
          id: ids.absences![target]!,
          depth: 0,
        })
        return (
          await payload.create({
            collection: 'absences',
            data: {
              pupil: source.pupil as string,
              kind: 'planned',
              date: nextSampleDay(),
              reason: 'overig',
            } as never,
          })
        ).id
      }
      case 'volunteer-requests': {
        // The same audience and author, without sign-ups: deleting it is about access alone.
        const source = await payload.findByID({
          collection: 'volunteer-requests',
          id: ids['volunteer-requests']![target]!,
          depth: 0,
        })
        return (
          await payload.create({
            collection: 'volunteer-requests',
            data: {
              ...volunteerRequestData(source.groups as string[], source.status),
              audience: source.audience,
              createdBy: source.createdBy,
            } as never,
          })
        ).id
      }
      case 'events': {
        // The same audience, status and author.
        const source = await payload.findByID({
          collection: 'events',
          id: ids.events![target]!,
          depth: 0,
        })
        return (
          await payload.create({
            collection: 'events',
            data: {
              ...eventData(source.audience, source.groups as string[], source.status),
              createdBy: source.createdBy,
            } as never,
          })
        ).id
      }
      case 'volunteer-signups':
      case 'volunteer-seats': {
        const {
          id: _id,
          createdAt: _c,
          updatedAt: _u,
          ...copy
        } = (await payload.findByID({
          collection: slug,
          id: ids[slug]![target]!,
          depth: 0,
        })) as unknown as Record<string, unknown>
        if (slug === 'volunteer-signups') copy.activeKey = `kloon:${randomUUID()}`
        if (slug === 'volunteer-seats') copy.key = `kloon:${randomUUID()}`
        // On a request of their own: a clone must not take requestA's places.
        copy.request = spareRequest
        return (await payload.create({ collection: slug, data: copy as never })).id
      }
      case 'audit-events':
        return auditRow()
      case 'house-rules-acceptances':
      case 'conversations':
      case 'messages':
      case 'conversation-reads':
      case 'conversation-openings': {
        // A copy as the CMS wrote it (the trusted Local API keeps every field as given).
        const {
          id: _id,
          createdAt: _c,
          updatedAt: _u,
          ...copy
        } = (await payload.findByID({
          collection: slug,
          id: ids[slug]![target]!,
          depth: 0,
        })) as unknown as Record<string, unknown>
        if (slug === 'conversation-reads') copy.readKey = `${String(copy.readKey)}:${randomUUID()}`
        if (slug === 'house-rules-acceptances') copy.key = `kloon:${randomUUID()}`
        return (await payload.create({ collection: slug, data: copy as never })).id
      }
      case 'leave-requests': {
        const source = await payload.findByID({
          collection: 'leave-requests',
          id: ids['leave-requests']![target]!,
          depth: 0,
        })
        return (
          await payload.create({
            collection: 'leave-requests',
            data: leaveData(source.pupil as string),
          })
        ).id
      }
      case 'image-consent-changes':
        return (await consentChangeRow()).id
      case 'payload-locked-documents':
        return (await directorsLock()).id
      case 'payload-preferences':
        return (await directorsPreference()).id
      case 'payload-jobs':
        return (await jobRow()).id
      case 'payload-kv':
        return (await kvRow()).id
      case 'payload-migrations':
        return (await migrationRow()).id
      default:
        return (
          await payload.create({
            collection: 'email-log',
            data: {
              to: 'k@fixture.test',
              subject: 'k',
              kind: 'test',
              status: 'captured',
              idempotencyKey: randomUUID(),
            },
          })
        ).id
    }
  }

  /**
   * A different school day for every planned absence the matrix makes (one report per child and
   * day): weekdays from Wednesday 9 December 2026 on, in order.
   */
  let sampleDays = 0
  function nextSampleDay(): string {
    for (;;) {
      const day = new Date(Date.UTC(2026, 11, 9 + sampleDays++))
      if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) return day.toISOString().slice(0, 10)
    }
  }

  function leaveData(pupil: string) {
    return {
      pupil,
      from: '2027-03-01',
      to: '2027-03-02',
      reason: 'familie',
      note: 'Bruiloft',
    } as never
  }

  /** A security-log row as the CMS writes it (AuditEvents/record.ts: the database adapter). */
  async function auditRow(): Promise<string> {
    const now = new Date().toISOString()
    const row = (await payload.db.create({
      collection: 'audit-events',
      data: {
        type: 'login',
        actorType: 'staff',
        actorId: f.director.id,
        actorName: f.director.name,
        summary: 'Ingelogd op de beheeromgeving.',
        key: randomUUID(),
        createdAt: now,
        updatedAt: now,
      },
    })) as { id: string }
    return String(row.id)
  }

  function consentChangeRow() {
    return payload.create({
      collection: 'image-consent-changes',
      data: {
        pupil: f.pupils.a1.id,
        guardian: f.parents.multiGroup.id,
        from: 'none',
        to: 'allowed',
      },
    })
  }

  /** A lock as Payload's admin writes it: straight to the database. */
  function directorsLock() {
    return payload.db.create({
      collection: 'payload-locked-documents',
      data: { globalSlug: 'school-settings', user: { relationTo: 'staff', value: f.director.id } },
    }) as Promise<{ id: string }>
  }

  function directorsPreference() {
    // Payload's `user` hook makes the requesting user the owner.
    return payload.create({
      collection: 'payload-preferences',
      data: { key: `matrix-${randomUUID()}`, value: { limit: 25 } } as never,
      user: users.director,
    })
  }

  function jobRow() {
    // Never due: the outbox runner must not pick it up.
    return payload.create({
      collection: 'payload-jobs',
      data: {
        taskSlug: 'sendEmail',
        input: {},
        queue: 'matrix',
        waitUntil: new Date(Date.now() + 365 * 86_400_000).toISOString(),
      } as never,
    })
  }

  function kvRow() {
    return payload.create({
      collection: 'payload-kv',
      data: { key: `matrix-${randomUUID()}`, data: { n: 1 } },
    })
  }

  // Not batch -1: Payload takes that for a schema pushed in dev mode and asks before migrating.
  function migrationRow() {
    return payload.create({
      collection: 'payload-migrations',
      data: { name: `matrix-${randomUUID()}`, batch: 9999 },
    })
  }

  function notificationRow() {
    return payload.create({
      collection: 'post-notifications',
      data: {
        post: ids.posts!.postA!,
        parent: f.parents.multiGroup.id,
        kind: 'group',
        round: 1,
        mode: 'direct',
        status: 'sent',
        idempotencyKey: randomUUID(),
      },
    })
  }

  function sampleData(slug: CollectionSlug): Record<string, unknown> {
    const tag = randomUUID().slice(0, 8)
    switch (slug) {
      case 'staff':
        return {
          name: 'Nieuw',
          email: `new.${tag}@fixture.test`,
          role: 'teacher',
          password: 'een lang wachtwoord 1',
        }
      case 'parents':
        return {
          name: 'Nieuw',
          email: `new.${tag}@fixture.test`,
          status: 'invited',
          password: 'een lang wachtwoord 1',
        }
      case 'groups':
        return { name: `Nieuw ${tag}`, schoolYear: '2026-2027' }
      case 'pupils':
        return { firstName: 'Nieuw', lastName: tag, group: f.groups.a.id }
      case 'invitations':
        return {
          parent: f.parents.guardianTwo.id,
          tokenHash: tag,
          expiresAt: new Date().toISOString(),
        }
      case 'posts':
        return { title: `Nieuw ${tag}`, audience: 'school', status: 'draft' }
      case 'reports':
        return { post: ids.posts!.postSchool!, category: 'other', text: 'Matrix', status: 'open' }
      case 'feedback':
        return { topic: 'school', message: `Matrix ${tag}: een tip voor de school.` }
      case 'image-consents':
        return { pupil: f.pupils.b1.id, guardian: f.parents.guardianOne.id, allowed: false }
      case 'absences':
        return { pupil: f.pupils.a1.id, kind: 'planned', date: nextSampleDay(), reason: 'tandarts' }
      case 'leave-requests':
        return leaveData(f.pupils.a1.id)
      case 'volunteer-requests':
        return volunteerRequestData([f.groups.a.id], 'draft')
      case 'events':
        return eventData('groups', [f.groups.a.id], 'draft')
      case 'volunteer-signups':
        return {
          request: ids['volunteer-requests']!.requestA!,
          slot: 'x',
          parent: f.parents.multiGroup.id,
          status: 'confirmed',
        }
      case 'volunteer-seats':
        return {
          key: `matrix:${tag}`,
          request: ids['volunteer-requests']!.requestA!,
          slot: 'x',
          signup: ids['volunteer-signups']!.signupA!,
        }
      case 'conversations':
        return { pupil: f.pupils.a1.id, subject: `Matrix ${tag}` }
      case 'messages':
        return { conversation: ids.conversations!.talkA1!, body: `Matrix ${tag}` }
      case 'conversation-reads':
        return { conversation: ids.conversations!.talkA1!, readAt: new Date().toISOString() }
      case 'conversation-openings':
        return { conversation: spareConversation, reason: `Matrix ${tag}` }
      case 'audit-events':
        return { type: 'login', summary: `Matrix ${tag}`, key: `matrix:${tag}` }
      case 'house-rules-acceptances':
        return {
          parent: f.parents.guardianOne.id,
          parentName: 'Matrix',
          version: 1,
          acceptedAt: new Date().toISOString(),
          key: `matrix:${tag}`,
        }
      case 'image-consent-changes':
        return {
          pupil: f.pupils.b1.id,
          guardian: f.parents.guardianOne.id,
          from: 'none',
          to: 'refused',
        }
      case 'payload-locked-documents':
        return {
          globalSlug: 'school-settings',
          user: { relationTo: 'staff', value: f.director.id },
        }
      case 'payload-preferences':
        return { key: `matrix-${tag}`, value: { limit: 10 } }
      case 'payload-jobs':
        return {
          taskSlug: 'sendEmail',
          input: {},
          queue: 'matrix',
          waitUntil: '2099-01-01T00:00:00.000Z',
        }
      case 'payload-kv':
        return { key: `matrix-${tag}`, data: { n: 2 } }
      case 'payload-migrations':
        return { name: `matrix-${tag}`, batch: 9999 }
      case 'post-notifications':
        return {
          post: ids.posts!.postSchool!,
          parent: f.parents.guardianOne.id,
          kind: 'news',
          round: 1,
          mode: 'direct',
          status: 'queued',
          idempotencyKey: tag,
        }
      default:
        return {
          to: 'n@fixture.test',
          subject: 'n',
          kind: 'test',
          status: 'captured',
          idempotencyKey: tag,
        }
    }
  }

  /** Runs one operation through one channel; true when it was allowed. */
  async function attempt(
    channel: Channel,
    actor: ActorKey,
    slug: CollectionSlug,
    op: Op,
    id?: string,
  ): Promise<boolean | string[]> {
    const user = users[actor]
    // A harmless change per collection: it must be allowed or refused, never fail validation.
    const updates: Partial<Record<CollectionSlug, Record<string, unknown>>> = {
      pupils: { lastName: 'Bijgewerkt' },
      'email-log': { subject: 'x' },
      invitations: { usedAt: null },
      posts: { pinned: true },
      media: { alt: 'Bijgewerkt' },
      reports: { status: 'in-behandeling' },
      'image-consents': { allowed: true },
      // Nobody may rewrite what a report says (only the status moves): dropped, not refused.
      absences: { note: 'Bijgewerkt' },
      'leave-requests': { note: 'Bijgewerkt' },
      'volunteer-requests': { description: 'Bijgewerkt' },
      'volunteer-signups': { comes: 'Bijgewerkt' },
      'volunteer-seats': { slot: 'bijgewerkt' },
      events: { location: 'Bijgewerkt' },
      conversations: { subject: 'Bijgewerkt' },
      messages: { status: 'delivered' },
      'conversation-reads': { readerName: 'Bijgewerkt' },
      'conversation-openings': { reason: 'Bijgewerkt' },
      'house-rules-acceptances': { parentName: 'Bijgewerkt' },
      'audit-events': { summary: 'Bijgewerkt' },
      feedback: { status: 'in-behandeling' },
      'post-notifications': { status: 'cancelled' },
      'image-consent-changes': { to: 'refused' },
      'payload-locked-documents': { user: { relationTo: 'staff', value: f.director.id } },
      'payload-preferences': { value: { limit: 50 } },
      'payload-jobs': { queue: 'matrix-bijgewerkt' },
      'payload-kv': { data: { n: 3 } },
      'payload-migrations': { batch: 9998 },
    }
    const data = op === 'update' ? (updates[slug] ?? { name: 'Bijgewerkt' }) : sampleData(slug)
    if (channel === 'rest') {
      const token = tokens[actor]
      const all = Object.values(ids[slug] ?? {})
      // Payload's preferences answer GET and DELETE on /:key (the admin's own calls), not /:id.
      const ref =
        slug === 'payload-preferences' && id && op !== 'update'
          ? (
              (await payload.findByID({ collection: slug, id, depth: 0 })) as unknown as {
                key: string
              }
            ).key
          : id
      const res =
        op === 'create'
          ? await rest('POST', `/${slug}`, { token, body: data })
          : op === 'read'
            ? await rest('GET', `/${slug}/${ref}?depth=0`, { token })
            : op === 'list'
              ? await rest(
                  'GET',
                  `/${slug}?depth=0&limit=100&${all.map((v, i) => `where[id][in][${i}]=${v}`).join('&')}`,
                  { token },
                )
              : op === 'update'
                ? await rest('PATCH', `/${slug}/${id}`, { token, body: data })
                : await rest('DELETE', `/${slug}/${ref}`, { token })
      if (res.status >= 500) throw new Error(`${op} ${slug} as ${actor}: HTTP ${res.status}`)
      if (op === 'list')
        return res.status === 200
          ? ((await res.json()).docs as { id: string }[]).map((d) => d.id)
          : []
      // A read counts when the answer is that record (GET /payload-preferences/:key answers 200
      // with `value: null` for a key the caller has no preference under).
      if (op === 'read') return res.status === 200 && (await res.json()).id === id
      return res.status >= 200 && res.status < 300
    }
    const base = { user, overrideAccess: false, depth: 0 } as const
    try {
      if (op === 'create') await payload.create({ collection: slug, data: data as never, ...base })
      else if (op === 'read') await payload.findByID({ collection: slug, id: id!, ...base })
      else if (op === 'list') {
        const found = await payload.find({
          collection: slug,
          where: { id: { in: Object.values(ids[slug] ?? {}) } },
          limit: 100,
          ...base,
        })
        return found.docs.map((d) => d.id as string)
      } else if (op === 'update')
        await payload.update({ collection: slug, id: id!, data: data as never, ...base })
      else await payload.delete({ collection: slug, id: id!, ...base })
      return true
    } catch (error) {
      const status = (error as { status?: number }).status
      if (status === 401 || status === 403 || status === 404) return op === 'list' ? [] : false
      throw error
    }
  }

  it('has a row for every collection and global of the built config', () => {
    const collections = payload.config.collections.map((c) => c.slug).sort()
    expect(RESOURCES.map((r) => r.slug).sort()).toEqual(collections)
    expect(payload.config.globals.map((g) => g.slug).sort()).toEqual(GLOBALS)
  })

  for (const channel of ['local', 'rest'] as Channel[]) {
    for (const resource of RESOURCES) {
      for (const actor of ACTORS) {
        it(`${channel}: ${actor} × ${resource.slug}`, async () => {
          const mismatches: string[] = []
          const check = (label: string, expected: boolean, actual: boolean) => {
            cases++
            if (expected !== actual)
              mismatches.push(
                `${label}: expected ${expected ? 'allow' : 'deny'}, got ${actual ? 'allow' : 'deny'}`,
              )
          }
          const idsOf = ids[resource.slug]!
          if (resource.create) {
            check(
              'create',
              resource.create(actor),
              (await attempt(channel, actor, resource.slug, 'create')) as boolean,
            )
          }
          for (const target of resource.targets) {
            check(
              `read ${target}`,
              resource.read(actor, target),
              (await attempt(channel, actor, resource.slug, 'read', idsOf[target])) as boolean,
            )
            check(
              `update ${target}`,
              resource.update(actor, target),
              (await attempt(channel, actor, resource.slug, 'update', idsOf[target])) as boolean,
            )
            const clone = await cloneOf(resource.slug, target)
            const deleted = (await attempt(
              channel,
              actor,
              resource.slug,
              'delete',
              clone,
            )) as boolean
            const stillThere =
              (await payload.count({ collection: resource.slug, where: { id: { equals: clone } } }))
                .totalDocs === 1
            check(`delete ${target}`, resource.remove(actor, target), deleted && !stillThere)
          }
          cases++
          const listed = ((await attempt(channel, actor, resource.slug, 'list')) as string[]).sort()
          const expectedList = resource.targets
            .filter((t) => resource.read(actor, t))
            .map((t) => idsOf[t]!)
            .sort()
          if (JSON.stringify(listed) !== JSON.stringify(expectedList))
            mismatches.push(`list: expected ${expectedList.length} records, got ${listed.length}`)
          expect(mismatches).toEqual([])
        })
      }
    }
  }

  it('house-rules: staff read, only a director updates; parents never read the global', async () => {
    for (const actor of ACTORS) {
      for (const channel of ['local', 'rest'] as Channel[]) {
        const readAllowed = isStaff(actor)
        const updateAllowed = actor === 'director'
        // The same text: no new version, nothing asked of the parents of later tests.
        const body = (await payload.findGlobal({ slug: 'house-rules', depth: 0 })).body
        let read: boolean
        let updated: boolean
        if (channel === 'rest') {
          read =
            (await rest('GET', '/globals/house-rules', { token: tokens[actor] })).status === 200
          updated =
            (await rest('POST', '/globals/house-rules', { token: tokens[actor], body: { body } }))
              .status === 200
        } else {
          const base = { slug: 'house-rules' as const, user: users[actor], overrideAccess: false }
          read = await payload.findGlobal(base).then(
            () => true,
            () => false,
          )
          updated = await payload.updateGlobal({ ...base, data: { body } }).then(
            () => true,
            () => false,
          )
        }
        cases += 2
        expect([actor, channel, 'read', read]).toEqual([actor, channel, 'read', readAllowed])
        expect([actor, channel, 'update', updated]).toEqual([
          actor,
          channel,
          'update',
          updateAllowed,
        ])
      }
    }
  })

  it('school-settings: every active user reads, only a director updates', async () => {
    for (const actor of ACTORS) {
      for (const channel of ['local', 'rest'] as Channel[]) {
        const readAllowed = actor !== 'deactivated' && actor !== 'anonymous'
        const updateAllowed = actor === 'director'
        let read: boolean
        let updated: boolean
        if (channel === 'rest') {
          read =
            (await rest('GET', '/globals/school-settings', { token: tokens[actor] })).status === 200
          updated =
            (
              await rest('POST', '/globals/school-settings', {
                token: tokens[actor],
                body: { phone: '071 123 45 67' },
              })
            ).status === 200
        } else {
          const base = {
            slug: 'school-settings' as const,
            user: users[actor],
            overrideAccess: false,
          }
          read = await payload.findGlobal(base).then(
            () => true,
            () => false,
          )
          updated = await payload.updateGlobal({ ...base, data: { phone: '071 123 45 67' } }).then(
            () => true,
            () => false,
          )
        }
        cases += 2
        expect([actor, channel, 'read', read]).toEqual([actor, channel, 'read', readAllowed])
        expect([actor, channel, 'update', updated]).toEqual([
          actor,
          channel,
          'update',
          updateAllowed,
        ])
      }
    }
  })
})
