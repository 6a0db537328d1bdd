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
  }[]
  hasEarlier: boolean
  readers: { name: string; readAt: string }[]
  latestReadBy: string[]
}

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
 * read the latest one, and a composer. Opening it marks it read for this staff member. Teachers
 * hide a message here (parents no longer see it; nothing is deleted). Every rule is the server's:
 * the same endpoints and access as the portal.
 */
export function ConversationThread() {
  const { id } = useDocumentInfo()
  const [thread, setThread] = useState<Thread | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [draft, setDraft] = useState('')
  const [busy, setBusy] = useState(false)

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
        body: JSON.stringify({ conversation: id, body: draft }),
      })
      const body = await answerOf<{ doc?: unknown }>(res)
      if (res.ok) {
        setDraft('')
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
                {!m.fromSchool && m.status === 'delivered' && (
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
