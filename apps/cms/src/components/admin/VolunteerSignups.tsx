'use client'
import type { SignupsPerSlot, SlotSignups } from '@schoolpost/contracts'
import { Button, toast, useDocumentInfo } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

const DUTCH_DAY = new Intl.DateTimeFormat('nl-NL', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  timeZone: 'UTC',
})

/** "dinsdag 9 maart" for a calendar date (the school's own date, no time zone shift). */
const dutchDay = (date: string) => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  return DUTCH_DAY.format(new Date(Date.UTC(year, month - 1, day)))
}

/** "Opa Kees (ouder: Eva de Vries)", or just the parent's name when they come themselves. */
const whoComes = (comes: string, parentName: string) =>
  comes === parentName ? parentName : `${comes} (ouder: ${parentName})`

const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`

async function answerOf<T>(res: Response): Promise<Partial<T> & { message?: string }> {
  return (await res.json().catch(() => ({}))) as Partial<T> & { message?: string }
}

/**
 * Who comes, per slot, in a volunteer request's edit view (S4): the parents with a place (with
 * phone, for the day itself) and the waitlist in its order, from
 * `GET /api/volunteer-requests/:id/signups-per-slot` with the staff member's own access. "Afmelden"
 * is the same `POST /api/volunteer-signups/:id/cancel` as the portal's: the place is freed and
 * the first on the waitlist gets it (and an email).
 */
export function VolunteerSignups() {
  const { id } = useDocumentInfo()
  const [slots, setSlots] = useState<SlotSignups[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [message, setMessage] = useState('')

  const load = useCallback(async () => {
    if (!id) return
    try {
      const res = await fetch(
        `/api/volunteer-requests/${encodeURIComponent(String(id))}/signups-per-slot`,
        { credentials: 'include' },
      )
      const body = await answerOf<SignupsPerSlot>(res)
      if (res.ok && body.slots) {
        setSlots(body.slots)
        setError(null)
      } else {
        setError(body.message ?? 'De aanmeldingen konden niet worden geladen.')
      }
    } catch {
      setError('De aanmeldingen konden niet worden geladen: geen verbinding.')
    }
  }, [id])

  useEffect(() => {
    void load()
  }, [load])

  if (!id) return null

  const cancel = async (signup: string, who: string, slot: SlotSignups) => {
    if (
      !window.confirm(
        `${who} afmelden voor "${slot.label}"? Komt er een plek vrij, dan krijgt de eerste op de wachtlijst die plek en een e-mail.`,
      )
    ) {
      return
    }
    setBusy(signup)
    try {
      const res = await fetch(`/api/volunteer-signups/${encodeURIComponent(signup)}/cancel`, {
        method: 'POST',
        credentials: 'include',
      })
      const body = await answerOf<{ promoted: boolean }>(res)
      if (res.ok) {
        const done = body.promoted
          ? `${who} is afgemeld. De eerste op de wachtlijst heeft de plek gekregen.`
          : `${who} is afgemeld.`
        setMessage(done)
        toast.success(done)
        await load()
      } else {
        const failed = body.message ?? 'Afmelden is niet gelukt.'
        setMessage(failed)
        toast.error(failed)
      }
    } catch {
      setMessage('Afmelden is niet gelukt: geen verbinding.')
      toast.error('Afmelden is niet gelukt: geen verbinding.')
    } finally {
      setBusy(null)
    }
  }

  const cancelButton = (signup: string, who: string, slot: SlotSignups) => (
    <Button
      type="button"
      buttonStyle="secondary"
      size="small"
      margin={false}
      aria-label={`${who} afmelden`}
      disabled={busy !== null}
      onClick={() => void cancel(signup, who, slot)}
    >
      {busy === signup ? 'Bezig…' : 'Afmelden'}
    </Button>
  )

  const itemStyle: React.CSSProperties = {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: '0.5rem 1rem',
    padding: '0.25rem 0',
  }

  return (
    <section aria-labelledby="volunteer-signups-heading" style={{ margin: '24px 0' }}>
      <h3 id="volunteer-signups-heading" style={{ marginBottom: 8 }}>
        Aanmeldingen
      </h3>
      {error && <p role="alert">{error}</p>}
      {slots?.map((slot) => {
        const headingId = `volunteer-slot-${slot.id}`
        const empty = slot.confirmed.length === 0 && slot.waitlist.length === 0
        return (
          <section
            key={slot.id}
            aria-labelledby={headingId}
            style={{
              border: '1px solid var(--theme-elevation-150)',
              borderRadius: 4,
              padding: '0.75rem 1rem',
              marginBottom: '0.75rem',
              maxWidth: '48rem',
            }}
          >
            <h4 id={headingId} style={{ margin: 0 }}>
              {slot.label} — {dutchDay(slot.date)} {slot.from}–{slot.to}
            </h4>
            <p style={{ margin: '0.25rem 0 0.5rem' }}>
              {slot.confirmed.length} van {slot.places} plekken bezet
            </p>
            {empty && <p style={{ margin: 0 }}>Nog niemand aangemeld.</p>}
            {slot.confirmed.length > 0 && (
              <ul aria-label="Wie komt er" style={{ margin: 0, paddingLeft: '1.25rem' }}>
                {slot.confirmed.map((s) => {
                  const who = whoComes(s.comes, s.parentName)
                  return (
                    <li key={s.signup}>
                      <span style={itemStyle}>
                        <span>
                          {who}
                          {s.phone && (
                            <>
                              {' · '}
                              <a href={telHref(s.phone)}>{s.phone}</a>
                            </>
                          )}
                          {s.promotedAt && ' · van de wachtlijst'}
                        </span>
                        {cancelButton(s.signup, who, slot)}
                      </span>
                    </li>
                  )
                })}
              </ul>
            )}
            {slot.waitlist.length > 0 && (
              <>
                <p style={{ margin: '0.5rem 0 0', fontWeight: 600 }} id={`${headingId}-wachtlijst`}>
                  Wachtlijst:
                </p>
                <ol
                  aria-labelledby={`${headingId}-wachtlijst`}
                  style={{ margin: 0, paddingLeft: '1.25rem' }}
                >
                  {slot.waitlist.map((s) => {
                    const who = whoComes(s.comes, s.parentName)
                    return (
                      <li key={s.signup}>
                        <span style={itemStyle}>
                          <span>{who}</span>
                          {cancelButton(s.signup, who, slot)}
                        </span>
                      </li>
                    )
                  })}
                </ol>
              </>
            )}
          </section>
        )
      })}
      <p role="status" aria-live="polite" style={{ fontSize: 13, marginTop: 8 }}>
        {message}
      </p>
    </section>
  )
}
