declare namespace App {
  interface Locals {
    /** This page may be kept as sent while the portal version holds (lib/http/page-cache.ts). */
    keepPage?: boolean
    /** This request read a conversation: drop the session's kept pages (their unread badge). */
    forgetKeptPages?: boolean
  }
}
