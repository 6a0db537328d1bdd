'use client'
import { Button } from '@payloadcms/ui'
import React, { useState } from 'react'

type RowPlan = {
  line: number
  status: 'new' | 'changed' | 'unchanged' | 'error'
  pupil: string
  changes: string[]
}
type Plan = {
  rows: RowPlan[]
  counts: Record<RowPlan['status'], number>
  newGroups: string[]
  newParents: number
}
type Result = { ok: boolean; mode?: string; plan?: Plan; invited?: number; message?: string }

const STATUS_LABEL: Record<RowPlan['status'], string> = {
  new: 'Nieuw',
  changed: 'Gewijzigd',
  unchanged: 'Ongewijzigd',
  error: 'Fout',
}

export function ImportForm() {
  const [csv, setCsv] = useState('')
  const [fileName, setFileName] = useState('')
  const [sendInvitations, setSendInvitations] = useState(true)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<Result | null>(null)
  const [applied, setApplied] = useState<Result | null>(null)

  const call = async (mode: 'preview' | 'apply'): Promise<Result> => {
    setBusy(true)
    try {
      const res = await fetch('/api/import-pupils', {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ csv, mode, sendInvitations }),
      })
      return (await res
        .json()
        .catch(() => ({ ok: false, message: 'Onverwacht antwoord van de server.' }))) as Result
    } catch {
      return { ok: false, message: 'Geen verbinding met de server.' }
    } finally {
      setBusy(false)
    }
  }

  const onFile = async (file: File | undefined) => {
    setResult(null)
    setApplied(null)
    if (!file) return
    setFileName(file.name)
    setCsv(await file.text())
  }

  const plan = result?.plan
  return (
    <div style={{ maxWidth: 960 }}>
      <p>
        Exporteer uit de leerlingadministratie (ParnasSys, ESIS, Magister) een CSV met per leerling:
        leerlingnummer, voornaam, tussenvoegsel, achternaam, groep, geboortedatum en maximaal twee
        ouders (naam, e-mail, telefoon). Eerst zie je een voorbeeld; er verandert pas iets als je op
        &quot;Importeren&quot; klikt.
      </p>
      <label htmlFor="import-file" style={{ display: 'block', fontWeight: 600, marginBottom: 8 }}>
        CSV-bestand
      </label>
      <input
        id="import-file"
        type="file"
        accept=".csv,text/csv"
        onChange={(e) => onFile(e.target.files?.[0])}
      />
      <div style={{ margin: '16px 0', display: 'flex', gap: 12, alignItems: 'center' }}>
        <Button
          buttonStyle="secondary"
          disabled={!csv || busy}
          onClick={async () => setResult(await call('preview'))}
        >
          Voorbeeld tonen
        </Button>
        <label style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
          <input
            type="checkbox"
            checked={sendInvitations}
            onChange={(e) => setSendInvitations(e.target.checked)}
          />
          Nieuwe ouders direct uitnodigen
        </label>
      </div>
      {result && !result.ok && !plan ? <p role="alert">{result.message}</p> : null}
      {plan ? (
        <section aria-label="Voorbeeld van de import">
          <h2>Voorbeeld: {fileName}</h2>
          <p>
            {plan.counts.new} nieuw, {plan.counts.changed} gewijzigd, {plan.counts.unchanged}{' '}
            ongewijzigd, {plan.counts.error} met fouten.{' '}
            {plan.newGroups.length ? `Nieuwe groepen: ${plan.newGroups.join(', ')}. ` : ''}
            {plan.newParents ? `${plan.newParents} nieuwe ouders.` : ''}
          </p>
          <table style={{ width: '100%', borderCollapse: 'collapse' }}>
            <thead>
              <tr>
                <th style={{ textAlign: 'left' }}>Regel</th>
                <th style={{ textAlign: 'left' }}>Leerling</th>
                <th style={{ textAlign: 'left' }}>Status</th>
                <th style={{ textAlign: 'left' }}>Details</th>
              </tr>
            </thead>
            <tbody>
              {plan.rows.map((row) => (
                <tr key={row.line} style={{ borderTop: '1px solid var(--theme-elevation-150)' }}>
                  <td>{row.line}</td>
                  <td>{row.pupil}</td>
                  <td>{STATUS_LABEL[row.status]}</td>
                  <td>{row.changes.join(' ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {result?.message ? <p role="alert">{result.message}</p> : null}
          <div style={{ marginTop: 16 }}>
            <Button
              buttonStyle="primary"
              disabled={
                busy ||
                plan.counts.error > 0 ||
                plan.counts.new + plan.counts.changed === 0 ||
                !!applied?.ok
              }
              onClick={async () => setApplied(await call('apply'))}
            >
              Importeren
            </Button>
          </div>
        </section>
      ) : null}
      {applied ? (
        <p role="status" aria-label="Resultaat van de import">
          {applied.ok
            ? `Import voltooid: ${applied.plan?.counts.new ?? 0} nieuw, ${applied.plan?.counts.changed ?? 0} gewijzigd.${applied.invited ? ` ${applied.invited} uitnodigingen verstuurd.` : ''}`
            : applied.message}
        </p>
      ) : null}
    </div>
  )
}
