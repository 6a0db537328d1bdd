import type { ServerProps } from 'payload'
import React from 'react'

/** Above the dashboard: the tasks the office and directors do most, one click away. */
export function DashboardShortcuts({ user }: ServerProps) {
  const role = (user as { role?: string } | undefined)?.role
  if (role !== 'director' && role !== 'office') return null
  return (
    <section
      aria-label="Snel naar"
      style={{ marginBottom: 24, display: 'flex', gap: 16, flexWrap: 'wrap' }}
    >
      <a href="/admin/import" className="btn btn--style-secondary btn--size-medium">
        Leerlingen importeren
      </a>
      <a
        href="/admin/collections/parents?where[status][equals]=invited"
        className="btn btn--style-secondary btn--size-medium"
      >
        Uitgenodigde ouders
      </a>
      <a href="/admin/collections/email-log" className="btn btn--style-secondary btn--size-medium">
        Verzonden e-mail
      </a>
    </section>
  )
}
