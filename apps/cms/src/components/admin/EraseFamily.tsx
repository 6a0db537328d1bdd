'use client'
import { Button, toast, useAuth, useDocumentInfo } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useId, useState } from 'react'

type Effect = { key: string; label: string; count: number }
type Report = {
  dryRun: boolean
  parents: { id: string; name: string; email: string }[]
  pupils: { id: string; name: string }[]
  effects: Effect[]
}

const CONFIRM = 'WISSEN'

/**
 * "Gezin wissen" on a parent's page (directors, issue #16): first a dry run that lists the whole
 * family and what happens to every kind of record, then — after typing WISSEN — the erasure
 * itself (POST /api/parents/erase). Nothing is erased without the dry run having been shown.
 */
export function EraseFamily() {
  const { id } = useDocumentInfo()
  const { user } = useAuth<{ role?: string }>()
  const router = useRouter()
  const [plan, setPlan] = useState<Report | null>(null)
  const [typed, setTyped] = useState('')
  const [busy, setBusy] = useState(false)
  const inputId = useId()
  if (!id || user?.role !== 'director') return null

  const call = async (dryRun: boolean): Promise<Report | null> => {
    setBusy(true)
    try {
      const res = await fetch('/api/parents/erase', {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ parent: id, dryRun, ...(dryRun ? {} : { confirm: typed }) }),
      })
      const body = (await res.json().catch(() => ({}))) as Report & { message?: string }
      if (!res.ok) {
        toast.error(body.message ?? 'Dat is niet gelukt.')
        return null
      }
      return body
    } catch {
      toast.error('Dat is niet gelukt: geen verbinding.')
      return null
    } finally {
      setBusy(false)
    }
  }

  const erase = async () => {
    const done = await call(false)
    if (!done) return
    toast.success(
      `Het gezin is gewist (${done.parents.length} ouders, ${done.pupils.length} leerlingen).`,
    )
    router.push('/admin/collections/parents')
  }

  return (
    <section
      aria-label="Gezin wissen"
      style={{ marginTop: 32, borderTop: '1px solid var(--theme-elevation-150)', paddingTop: 16 }}
    >
      <h4 style={{ marginBottom: 8 }}>Gezin wissen (AVG)</h4>
      {!plan ? (
        <>
          <p style={{ fontSize: 13, opacity: 0.8 }}>
            Voor een gezin dat de school verlaat: eerst ziet u wie erbij hoort en wat er gebeurt.
          </p>
          <Button
            buttonStyle="secondary"
            size="medium"
            disabled={busy}
            onClick={async () => setPlan(await call(true))}
          >
            {busy ? 'Bezig…' : 'Bekijk wat er gewist wordt'}
          </Button>
        </>
      ) : (
        <>
          <p style={{ fontSize: 13 }}>
            <strong>Ouders:</strong> {plan.parents.map((p) => p.name).join(', ') || 'geen'}
            <br />
            <strong>Leerlingen:</strong> {plan.pupils.map((p) => p.name).join(', ') || 'geen'}
          </p>
          <table style={{ fontSize: 13, marginBottom: 12 }}>
            <caption style={{ textAlign: 'left', fontWeight: 600 }}>Wat er gebeurt</caption>
            <tbody>
              {plan.effects.map((effect) => (
                <tr key={effect.key}>
                  <td style={{ paddingRight: 12 }}>{effect.label}</td>
                  <td style={{ textAlign: 'right' }}>{effect.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <label htmlFor={inputId} style={{ display: 'block', fontSize: 13, marginBottom: 4 }}>
            Typ {CONFIRM} om te bevestigen. Dit kan niet ongedaan worden gemaakt.
          </label>
          <input
            id={inputId}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            autoComplete="off"
            style={{ marginBottom: 8, width: '100%' }}
          />
          <Button
            buttonStyle="error"
            size="medium"
            disabled={busy || typed.trim() !== CONFIRM}
            onClick={erase}
          >
            {busy ? 'Bezig…' : 'Gezin definitief wissen'}
          </Button>
          <Button
            buttonStyle="subtle"
            size="medium"
            disabled={busy}
            onClick={() => {
              setPlan(null)
              setTyped('')
            }}
          >
            Annuleren
          </Button>
        </>
      )}
    </section>
  )
}
