'use client'
import { Button, toast, useDocumentInfo, useForm } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

type Action = 'hide-post' | 'hide-media' | 'hide-message' | 'close'

/** The answer of GET/POST /api/reports/:id/handle (collections/Reports/endpoints/handle-report.ts). */
type HandlingState = {
  status: 'open' | 'in-behandeling' | 'afgehandeld'
  post: { id: string; title: string; hidden: boolean } | null
  media: { id: string; filename: string | null; hidden: boolean; inPost: boolean } | null
  message: { id: string; conversation: string; hidden: boolean } | null
}

const visibility = (hidden: boolean) => (hidden ? 'Verborgen voor ouders' : 'Zichtbaar voor ouders')

/**
 * S15 in the report's edit view: shows whether the reported post (and photo) are hidden for
 * parents and lets staff hide them or close the report. The server checks who may do this.
 */
export function ReportActions() {
  const { id } = useDocumentInfo()
  const { dispatchFields } = useForm()
  const [state, setState] = useState<HandlingState | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState<Action | null>(null)
  const [message, setMessage] = useState('')

  const load = useCallback(async () => {
    if (!id) return
    try {
      const res = await fetch(`/api/reports/${id}/handle`, { credentials: 'include' })
      const body = (await res.json().catch(() => ({}))) as {
        state?: HandlingState
        message?: string
      }
      if (res.ok && body.state) setState(body.state)
      else setError(body.message ?? 'De stand van deze melding kon niet worden geladen.')
    } catch {
      setError('De stand van deze melding kon niet worden geladen: geen verbinding.')
    }
  }, [id])

  useEffect(() => {
    void load()
  }, [load])

  if (!id) return null

  const run = async (action: Action) => {
    setBusy(action)
    try {
      const res = await fetch(`/api/reports/${id}/handle`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ action }),
      })
      const body = (await res.json().catch(() => ({}))) as {
        message?: string
        state?: HandlingState
      }
      if (res.ok && body.state) {
        setState(body.state)
        // Keep the form's status in step, so a later "Bewaar" does not undo it.
        dispatchFields({
          type: 'UPDATE',
          path: 'status',
          value: body.state.status,
          initialValue: body.state.status,
        })
        setMessage(body.message ?? 'Gelukt.')
        toast.success(body.message ?? 'Gelukt.')
      } else {
        setMessage(body.message ?? 'Dat is niet gelukt.')
        toast.error(body.message ?? 'Dat is niet gelukt.')
      }
    } catch {
      setMessage('Dat is niet gelukt: geen verbinding.')
      toast.error('Dat is niet gelukt: geen verbinding.')
    } finally {
      setBusy(null)
    }
  }

  return (
    <section aria-labelledby="report-actions-heading" style={{ margin: '24px 0' }}>
      <h3 id="report-actions-heading" style={{ marginBottom: 8 }}>
        Afhandeling
      </h3>
      {error && <p role="alert">{error}</p>}
      {state && (
        <>
          <dl style={{ margin: '0 0 12px', fontSize: 13 }}>
            {state.post && (
              <>
                <dt style={{ fontWeight: 600 }}>Bericht: {state.post.title}</dt>
                <dd style={{ margin: '0 0 8px' }} data-testid="report-post-visibility">
                  {visibility(state.post.hidden)}
                </dd>
              </>
            )}
            {state.message && (
              <>
                <dt style={{ fontWeight: 600 }}>Gespreksbericht</dt>
                <dd style={{ margin: '0 0 8px' }} data-testid="report-message-visibility">
                  {visibility(state.message.hidden)}
                  <br />
                  <a href={`/admin/collections/conversations/${state.message.conversation}`}>
                    Naar het gesprek
                  </a>{' '}
                  (een directielid legt het openen eerst vast)
                </dd>
              </>
            )}
            {state.media && (
              <>
                <dt style={{ fontWeight: 600 }}>Foto: {state.media.filename ?? 'onbekend'}</dt>
                <dd style={{ margin: '0 0 8px' }} data-testid="report-media-visibility">
                  {visibility(state.media.hidden)}
                  {!state.media.inPost && ' (hoort niet meer bij het bericht)'}
                </dd>
              </>
            )}
          </dl>
          <div
            style={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: 8 }}
          >
            {state.post && (
              <Button
                buttonStyle="secondary"
                size="medium"
                margin={false}
                onClick={() => run('hide-post')}
                disabled={busy !== null || state.post.hidden}
              >
                {busy === 'hide-post' ? 'Bezig…' : 'Bericht verbergen voor ouders'}
              </Button>
            )}
            {state.message && (
              <Button
                buttonStyle="secondary"
                size="medium"
                margin={false}
                onClick={() => run('hide-message')}
                disabled={busy !== null || state.message.hidden}
              >
                {busy === 'hide-message' ? 'Bezig…' : 'Gespreksbericht verbergen voor ouders'}
              </Button>
            )}
            {state.media && (
              <Button
                buttonStyle="secondary"
                size="medium"
                margin={false}
                onClick={() => run('hide-media')}
                disabled={busy !== null || state.media.hidden || !state.media.inPost}
              >
                {busy === 'hide-media' ? 'Bezig…' : 'Foto verbergen voor ouders'}
              </Button>
            )}
            <Button
              buttonStyle="primary"
              size="medium"
              margin={false}
              onClick={() => run('close')}
              disabled={busy !== null || state.status === 'afgehandeld'}
            >
              {busy === 'close' ? 'Bezig…' : 'Melding afhandelen'}
            </Button>
          </div>
        </>
      )}
      <p role="status" aria-live="polite" style={{ fontSize: 13, marginTop: 8 }}>
        {message}
      </p>
    </section>
  )
}
