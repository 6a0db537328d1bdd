import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from '@react-email/components'
import React from 'react'

export type EmailLayoutProps = {
  schoolName: string
  preview: string
  heading: string
  paragraphs: string[]
  action?: { label: string; href: string }
  footnote?: string
  /** Extra blocks after the paragraphs (the list of posts in a digest). */
  children?: React.ReactNode
  /** Notifications carry a one-click unsubscribe link (C1). */
  unsubscribe?: { label: string; href: string }
}

const colors = { text: '#1f2937', muted: '#4b5563', accent: '#1d4ed8', background: '#f3f4f6' }

/** One calm layout for every Schoolpost email: a heading, a few lines and at most one button. */
export function EmailLayout({
  schoolName,
  preview,
  heading,
  paragraphs,
  action,
  footnote,
  children,
  unsubscribe,
}: EmailLayoutProps) {
  return (
    <Html lang="nl">
      <Head />
      <Preview>{preview}</Preview>
      <Body
        style={{
          backgroundColor: colors.background,
          fontFamily: 'system-ui, -apple-system, Segoe UI, sans-serif',
          color: colors.text,
        }}
      >
        <Container
          style={{
            backgroundColor: '#ffffff',
            padding: '24px',
            borderRadius: '8px',
            maxWidth: '560px',
          }}
        >
          <Text style={{ color: colors.accent, fontWeight: 700, margin: 0 }}>
            Schoolpost · {schoolName}
          </Text>
          <Heading as="h1" style={{ fontSize: '22px', margin: '16px 0' }}>
            {heading}
          </Heading>
          {paragraphs.map((p) => (
            <Text key={p} style={{ fontSize: '16px', lineHeight: '24px' }}>
              {p}
            </Text>
          ))}
          {children}
          {action ? (
            <Section style={{ margin: '24px 0' }}>
              <Button
                href={action.href}
                style={{
                  backgroundColor: colors.accent,
                  color: '#ffffff',
                  padding: '12px 20px',
                  borderRadius: '6px',
                  fontWeight: 600,
                }}
              >
                {action.label}
              </Button>
              <Text style={{ fontSize: '13px', color: colors.muted }}>
                Werkt de knop niet? Kopieer deze link in je browser: {action.href}
              </Text>
            </Section>
          ) : null}
          <Hr />
          <Text style={{ fontSize: '13px', color: colors.muted }}>
            {footnote ??
              `Deze e-mail is verstuurd door ${schoolName} via Schoolpost, de besloten omgeving van de school.`}
          </Text>
          {unsubscribe ? (
            <Text style={{ fontSize: '13px', color: colors.muted }}>
              <Link href={unsubscribe.href} style={{ color: colors.muted }}>
                {unsubscribe.label}
              </Link>
            </Text>
          ) : null}
        </Container>
      </Body>
    </Html>
  )
}
