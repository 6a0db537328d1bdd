'use client'
import { Button, toast, useDocumentInfo } from '@payloadcms/ui'
import React, { useState } from 'react'

/** Sends (or resends) the invitation of the parent being edited; the old link dies. */
export function InviteButton() {
  const { id } = useDocumentInfo()
  const [busy, setBusy] = useState(false)
  if (!id) return null
  const send = async () => {
    setBusy(true)
    try {
      const res = await fetch(`/api/parents/${id}/invite`, {
        method: 'POST',
        credentials: 'include',
      })
      const body = (await res.json().catch(() => ({}))) as { message?: string }
      if (res.ok) toast.success(body.message ?? 'Uitnodiging verstuurd.')
      else toast.error(body.message ?? 'Versturen is niet gelukt.')
    } catch {
      toast.error('Versturen is niet gelukt: geen verbinding.')
    } finally {
      setBusy(false)
    }
  }
  return (
    <div style={{ marginBottom: 24 }}>
      <Button buttonStyle="primary" size="medium" onClick={send} disabled={busy}>
        {busy ? 'Bezig…' : 'Uitnodiging versturen'}
      </Button>
      <p style={{ fontSize: 13, opacity: 0.8 }}>
        De ouder krijgt een link die 7 dagen geldig is. Opnieuw versturen maakt de vorige link
        ongeldig.
      </p>
    </div>
  )
}
