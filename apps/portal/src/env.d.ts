declare namespace App {
  interface Locals {
    /** This page may be kept as sent while the portal version holds (lib/http/page-cache.ts). */
    keepPage?: boolean
  }
}
