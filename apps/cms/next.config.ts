import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { COMMON_SECURITY_HEADERS } from './src/lib/security-headers'

const dirname = path.dirname(fileURLToPath(import.meta.url))

const nextConfig: NextConfig = {
  // The monorepo root: Turbopack must see the workspace packages (policies) and the hoisted store.
  turbopack: { root: path.resolve(dirname, '../..') },
  outputFileTracingRoot: path.resolve(dirname, '../..'),
  poweredByHeader: false,
  // On every response (pages, /api, /_next/*, Next's own errors); the headers that depend on the
  // request or the running environment (CSP nonce, HSTS, the API's no-store) are set in
  // src/proxy.ts and the REST route handler.
  headers: async () => [
    {
      source: '/:path*',
      headers: COMMON_SECURITY_HEADERS.map(([key, value]) => ({ key, value })),
    },
  ],
  experimental: {
    // src/proxy.ts makes Next buffer each request body it sees (not /api: the matcher leaves it
    // out). Nothing outside /api takes more than a server action's 1 MB, so buffer no more.
    proxyClientMaxBodySize: '1mb',
  },
  // `pnpm typecheck` (tsc) is the one type check; building does not repeat it.
  typescript: { ignoreBuildErrors: true },
  webpack: (webpackConfig) => {
    webpackConfig.resolve.extensionAlias = {
      '.cjs': ['.cts', '.cjs'],
      '.js': ['.ts', '.tsx', '.js', '.jsx'],
      '.mjs': ['.mts', '.mjs'],
    }
    return webpackConfig
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
