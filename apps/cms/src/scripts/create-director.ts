/**
 * The first director of a new school, from the command line: first-register is refused on both
 * account collections (anyone could claim an empty install), so this is the only door.
 *   pnpm --filter @schoolpost/cms create-director --name "Anne de Vries" --email directie@school.nl
 * The password is asked for (hidden), or read from DIRECTOR_PASSWORD for unattended installs.
 */
import { parseArgs } from 'node:util'
import { createInterface } from 'node:readline/promises'

import { checkPassword, PASSWORD_MESSAGES } from '@schoolpost/policies'
import { getPayload } from 'payload'
import { z } from 'zod'

import config from '../payload.config'

const { values } = parseArgs({
  options: { name: { type: 'string' }, email: { type: 'string' } },
})
const input = z
  .object({
    name: z.string().trim().min(1, { message: 'Geef een naam op met --name "…".' }),
    email: z.email({ message: 'Geef een geldig e-mailadres op met --email …' }),
  })
  .safeParse(values)
if (!input.success) {
  console.error(input.error.issues.map((i) => i.message).join('\n'))
  process.exit(2)
}
const { name, email } = input.data

async function askPassword(): Promise<string> {
  if (process.env.DIRECTOR_PASSWORD) return process.env.DIRECTOR_PASSWORD
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true })
  // Hide what is typed: the prompt is written once, the echo of every key is suppressed.
  const output = rl as unknown as { _writeToOutput: (s: string) => void }
  let prompted = false
  output._writeToOutput = (s: string) => {
    if (!prompted) process.stdout.write(s)
    prompted = true
  }
  const password = await rl.question('Wachtwoord: ')
  rl.close()
  process.stdout.write('\n')
  return password
}

const password = await askPassword()
const strength = checkPassword({ password, personal: [name, email] })
if (!strength.ok) {
  console.error(PASSWORD_MESSAGES[strength.reason])
  process.exit(2)
}

const payload = await getPayload({ config })
const existing = await payload.count({ collection: 'staff', where: { email: { equals: email } } })
if (existing.totalDocs > 0) {
  console.error(`Er bestaat al een medewerker met ${email}.`)
  await payload.destroy()
  process.exit(1)
}
await payload.create({
  collection: 'staff',
  data: { name, email: email.toLowerCase(), role: 'director', password },
})
console.log(`Directeur ${name} (${email}) aangemaakt. Log in op ${payload.config.serverURL}/admin.`)
await payload.destroy()
process.exit(0)
