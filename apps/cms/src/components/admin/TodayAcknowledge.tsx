'use client'
import { Button, toast } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useState } from 'react'

/**
 * "Gezien" for one report, or for every open report of a group at once: POST
 * /api/absences/acknowledge (collections/Absences/endpoints); the server decides what this user
 * may acknowledge. The list reloads from the server afterwards.
 */
export function TodayAcknowledge({ ids, label }: { ids: string[]; label: string }) {
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  if (ids.length === 0) return null
  const run = async () => {
    setBusy(true)
    try {
      const res = await fetch('/api/absences/acknowledge', {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ids }),
      })
      const body = (await res.json().catch(() => ({}))) as {
        acknowledged?: string[]
        message?: string
      }
      if (res.ok) {
        const n = body.acknowledged?.length ?? 0
        toast.success(n === 1 ? 'Melding gezien.' : `${n} meldingen gezien.`)
        router.refresh()
      } else toast.error(body.message ?? 'Dat is niet gelukt.')
    } catch {
      toast.error('Dat is niet gelukt: geen verbinding.')
    } finally {
      setBusy(false)
    }
  }
  return (
    <Button buttonStyle="secondary" size="small" margin={false} onClick={run} disabled={busy}>
      {busy ? 'Bezig…' : label}
    </Button>
  )
}
