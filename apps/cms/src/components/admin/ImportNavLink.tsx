import type { ServerProps } from 'payload'
import React from 'react'

/** A nav link to the CSV import, for the roles that may import (director, office). */
export function ImportNavLink({ user }: ServerProps) {
  const role = (user as { role?: string } | undefined)?.role
  if (role !== 'director' && role !== 'office') return null
  return (
    <a href="/admin/import" className="nav__link" style={{ display: 'block', padding: '4px 0' }}>
      Leerlingen importeren
    </a>
  )
}
