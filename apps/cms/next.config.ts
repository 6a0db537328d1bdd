import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const dirname = path.dirname(fileURLToPath(import.meta.url))

const nextConfig: NextConfig = {
  // The monorepo root: Turbopack must see the workspace packages (policies) and the hoisted store.
  turbopack: { root: path.resolve(dirname, '../..') },
  outputFileTracingRoot: path.resolve(dirname, '../..'),
  poweredByHeader: false,
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
