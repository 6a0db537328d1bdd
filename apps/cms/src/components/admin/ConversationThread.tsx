'use client'
import { Button, toast, useDocumentInfo } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

/** The answer of GET /api/conversations/:id/thread (packages/contracts `ConversationThread`). */
type Thread = {
  messages: {
    id: string
    body: string
    authorName: string
    mine: boolean
    fromSchool: boolean
    sentAt: string
    editedAt: string | null
    status: 'delivered' | 'held' | 'hidden'
    heldMessage: string | null
    attachments: { id: string; alt: string | null; sizes: { thumbnail?: { filename: string } } }[]
  }[]
  hasEarlier: boolean
  readers: { name: string; readAt: string }[]
  latestReadBy: string[]
}

/** A photo the staff member may attach: their recent images (GET /api/media). */
type Photo = {
  id: string
  alt?: string | null
  hidden?: boolean | null
  publishable?: boolean | null
  consentStatus?: string | null
  sizes?: { thumbnail?: { filename?: string | null } }
}

/** The most photos per message (packages/contracts `MESSAGE_PHOTOS_MAX`). */
const PHOTOS_MAX = 6
const fileUrl = (filename: string) => `/api/media/file/${encodeURIComponent(filename)}`

/** The overview's answer, for the unread counts above the list. */
type Overview = {
  conversations: { id: string; subject: string; unread: number; pupil: { firstName: string } }[]
  unreadTotal: number
}

const when = (iso: string) =>
  new Date(iso).toLocaleString('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  })

const STATUS_LABEL = { held: 'Tegengehouden (gedragscheck)', hidden: 'Verborgen voor ouders' }

async function answerOf<T>(
  res: Response,
): Promise<T & { message?: string; errors?: { message: string }[] }> {
  return (await res.json().catch(() => ({}))) as T & {
    message?: string
    errors?: { message: string }[]
  }
}

/**
 * A conversation in its edit view (S6, S7): the messages as the participants see them, who has
 * read the latest one, and a composer with photos (each under the image rules of posts). Opening
 * it marks it read for this staff member. Teachers hide a parent's message or take back their own
 * here (parents no longer see it or its photos; nothing is deleted). Every rule is the server's:
 * the same endpoints and access as the portal.
 */
export function ConversationThread() {
  const { id } = useDocumentInfo()
  const [thread, setThread] = useState<Thread | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [draft, setDraft] = useState('')
  const [busy, setBusy] = useState(false)
  const [photos, setPhotos] = useState<Photo[] | null>(null)
  const [chosen, setChosen] = useState<string[]>([])

  // Recent images this staff member may use (their access: own uploads, their posts' photos);
  // the server checks the image rules again when the message is sent.
  const loadPhotos = useCallback(async () => {
    const res = await fetch(
      '/api/media?where[mimeType][like]=image/&sort=-createdAt&limit=12&depth=0',
      { credentials: 'include' },
    )
    const body = await answerOf<{ docs?: Photo[] }>(res)
    setPhotos(res.ok ? (body.docs ?? []) : [])
  }, [])
  const toggle = (photoId: string) =>
    setChosen((current) =>
      current.includes(photoId)
        ? current.filter((c) => c !== photoId)
        : current.length < PHOTOS_MAX
          ? [...current, photoId]
          : current,
    )

  const load = useCallback(async () => {
    if (!id) return
    try {
      const res = await fetch(`/api/conversations/${id}/thread`, { credentials: 'include' })
      const body = await answerOf<Thread>(res)
      if (!res.ok) {
        setError(body.message ?? 'Dit gesprek kon niet worden geladen.')
        return
      }
      setThread(body)
      setError(null)
      await fetch(`/api/conversations/${id}/read`, { method: 'POST', credentials: 'include' })
    } catch {
      setError('Dit gesprek kon niet worden geladen: geen verbinding.')
    }
  }, [id])

  useEffect(() => {
    void load()
  }, [load])

  if (!id) {
    return <p>Bewaar het gesprek eerst; daarna schrijft u hier het eerste bericht.</p>
  }

  const send = async () => {
    setBusy(true)
    try {
      const res = await fetch('/api/messages', {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ conversation: id, body: draft, attachments: chosen }),
      })
      const body = await answerOf<{ doc?: unknown }>(res)
      if (res.ok) {
        setDraft('')
        setChosen([])
        toast.success('Bericht verstuurd.')
        await load()
      } else {
        // The draft stays: the message says what to change.
        toast.error(body.errors?.[0]?.message ?? 'Het bericht is niet verstuurd.')
      }
    } catch {
      toast.error('Het bericht is niet verstuurd: geen verbinding. Uw tekst staat er nog.')
    } finally {
      setBusy(false)
    }
  }

  const setStatus = async (messageId: string, status: 'hidden' | 'delivered') => {
    const res = await fetch(`/api/messages/${messageId}`, {
      method: 'PATCH',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ status }),
    })
    const body = await answerOf<object>(res)
    if (res.ok) await load()
    else toast.error(body.errors?.[0]?.message ?? 'Dat is niet gelukt.')
  }

  return (
    <section aria-label="Berichten in dit gesprek" style={{ marginBottom: '2rem' }}>
      <h3>Berichten</h3>
      {error && <p role="alert">{error}</p>}
      {thread && (
        <>
          {thread.hasEarlier && <p>Alleen de laatste 50 berichten staan hier.</p>}
          {thread.messages.length === 0 && <p>Nog geen berichten.</p>}
          <ol style={{ listStyle: 'none', padding: 0, display: 'grid', gap: '0.75rem' }}>
            {thread.messages.map((m) => (
              <li
                key={m.id}
                style={{
                  border: '1px solid var(--theme-elevation-150)',
                  borderStyle: m.status === 'delivered' ? 'solid' : 'dashed',
                  borderRadius: 4,
                  padding: '0.75rem 1rem',
                  maxWidth: '40rem',
                  marginLeft: m.fromSchool ? 'auto' : 0,
                }}
              >
                <p style={{ margin: 0, fontSize: '0.85em' }}>
                  <strong>{m.authorName}</strong> · {when(m.sentAt)}
                  {m.editedAt ? ' · aangepast' : ''}
                  {m.status !== 'delivered' ? ` · ${STATUS_LABEL[m.status]}` : ''}
                </p>
                <p style={{ margin: '0.25rem 0 0', whiteSpace: 'pre-wrap' }}>{m.body}</p>
                {m.heldMessage && <p style={{ margin: '0.25rem 0 0' }}>{m.heldMessage}</p>}
                {m.attachments.length > 0 && (
                  <p
                    style={{
                      display: 'flex',
                      gap: '0.5rem',
                      flexWrap: 'wrap',
                      margin: '0.5rem 0 0',
                    }}
                  >
                    {m.attachments.map((photo) =>
                      photo.sizes.thumbnail ? (
                        <img
                          key={photo.id}
                          src={fileUrl(photo.sizes.thumbnail.filename)}
                          alt={photo.alt ?? 'Foto bij dit bericht'}
                          style={{ height: 96, width: 'auto', borderRadius: 4 }}
                        />
                      ) : null,
                    )}
                  </p>
                )}
                {(m.mine || !m.fromSchool) && m.status === 'delivered' && (
                  <Button
                    buttonStyle="secondary"
                    size="small"
                    onClick={() => void setStatus(m.id, 'hidden')}
                  >
                    Verbergen voor ouders
                  </Button>
                )}
                {m.status === 'hidden' && (
                  <Button
                    buttonStyle="secondary"
                    size="small"
                    onClick={() => void setStatus(m.id, 'delivered')}
                  >
                    Weer tonen
                  </Button>
                )}
              </li>
            ))}
          </ol>
          <p>
            {thread.latestReadBy.length > 0
              ? `Laatste bericht gelezen door: ${thread.latestReadBy.join(', ')}`
              : 'Het laatste bericht is nog door niemand anders gelezen.'}
          </p>
          {thread.readers.length > 0 && (
            <details>
              <summary>Wie las wanneer</summary>
              <ul>
                {thread.readers.map((r) => (
                  <li key={r.name}>
                    {r.name}: {when(r.readAt)}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
      {!error && (
        <div style={{ marginTop: '1rem' }}>
          <label htmlFor="gesprek-bericht" style={{ display: 'block', fontWeight: 600 }}>
            Nieuw bericht
          </label>
          <textarea
            id="gesprek-bericht"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            rows={5}
            maxLength={4000}
            style={{ width: '100%', maxWidth: '40rem' }}
          />
          <details
            onToggle={(e) => {
              if ((e.target as HTMLDetailsElement).open && !photos) void loadPhotos()
            }}
            style={{ margin: '0.5rem 0', maxWidth: '40rem' }}
          >
            <summary>
              Foto&apos;s toevoegen{chosen.length ? ` (${chosen.length} gekozen)` : ''}
            </summary>
            <p style={{ fontSize: '0.85em' }}>
              Dezelfde regels als bij berichten: getagd, genoeg leerlingen en toestemming. Ten
              hoogste {PHOTOS_MAX} per bericht.{' '}
              <a href="/admin/collections/media/create" target="_blank" rel="noreferrer">
                Nieuwe foto uploaden
              </a>{' '}
              ·{' '}
              <button type="button" className="btn--style-none" onClick={() => void loadPhotos()}>
                Lijst vernieuwen
              </button>
            </p>
            {photos && photos.length === 0 && <p>Nog geen foto&apos;s.</p>}
            {photos && photos.length > 0 && (
              <ul
                style={{
                  listStyle: 'none',
                  padding: 0,
                  display: 'grid',
                  gridTemplateColumns: 'repeat(auto-fill, minmax(9rem, 1fr))',
                  gap: '0.5rem',
                }}
              >
                {photos.map((photo) => {
                  const thumb = photo.sizes?.thumbnail?.filename
                  const usable = !photo.hidden && photo.publishable !== false
                  return (
                    <li key={photo.id}>
                      <label style={{ display: 'block', opacity: usable ? 1 : 0.6 }}>
                        <input
                          type="checkbox"
                          checked={chosen.includes(photo.id)}
                          disabled={!usable}
                          onChange={() => toggle(photo.id)}
                        />{' '}
                        {thumb && (
                          <img
                            src={fileUrl(thumb)}
                            alt={photo.alt ?? ''}
                            style={{ width: '100%', height: 'auto', borderRadius: 4 }}
                          />
                        )}
                        <span style={{ fontSize: '0.8em' }}>
                          {photo.alt ?? 'Zonder beschrijving'}
                          {photo.consentStatus ? ` — ${photo.consentStatus}` : ''}
                        </span>
                      </label>
                    </li>
                  )
                })}
              </ul>
            )}
          </details>
          <Button disabled={busy || !draft.trim()} onClick={() => void send()}>
            Bericht versturen
          </Button>
        </div>
      )}
    </section>
  )
}

/** Above the conversations list: how many messages wait, and where (the caller's own counts). */
export function ConversationUnread() {
  const [overview, setOverview] = useState<Overview | null>(null)
  useEffect(() => {
    void (async () => {
      try {
        const res = await fetch('/api/conversations/overview', { credentials: 'include' })
        if (res.ok) setOverview((await res.json()) as Overview)
      } catch {
        // The list below still works; the counts are a help.
      }
    })()
  }, [])
  if (!overview) return null
  const waiting = overview.conversations.filter((c) => c.unread > 0)
  return (
    <section aria-label="Ongelezen berichten" style={{ margin: '0 0 1rem' }}>
      <p>
        <strong>
          {overview.unreadTotal === 0
            ? 'Geen ongelezen berichten.'
            : `${overview.unreadTotal} ongelezen ${overview.unreadTotal === 1 ? 'bericht' : 'berichten'}`}
        </strong>
      </p>
      {waiting.length > 0 && (
        <ul>
          {waiting.map((c) => (
            <li key={c.id}>
              <a href={`/admin/collections/conversations/${c.id}`}>
                {c.subject} ({c.pupil.firstName})
              </a>
              : {c.unread} ongelezen
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
