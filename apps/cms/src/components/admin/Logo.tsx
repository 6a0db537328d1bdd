import type { ServerProps } from 'payload'
import React from 'react'

/** The admin's brand: "Schoolpost" with the school's own name from the settings global. */
export async function Logo({ payload }: ServerProps) {
  let schoolName = ''
  try {
    const settings = await payload.findGlobal({ slug: 'school-settings', depth: 0 })
    schoolName = settings.schoolName
  } catch {
    // A fresh database without the global yet: the brand alone is fine.
  }
  return (
    <div style={{ display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 4 }}>
      <span style={{ fontSize: 32, fontWeight: 700, color: '#1d4ed8' }}>Schoolpost</span>
      {schoolName ? <span style={{ fontSize: 16 }}>{schoolName}</span> : null}
    </div>
  )
}

export function Icon() {
  return (
    <span aria-label="Schoolpost" style={{ fontWeight: 700, color: '#1d4ed8' }}>
      SP
    </span>
  )
}
