const isDev = process.env.NODE_ENV !== 'production';

// Next.js inlines its hydration scripts, so script-src needs 'unsafe-inline'
// until pages use per-request nonces; everything else is locked to our origin.
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // NEXT_DIST_DIR lets two checkouts' builds (e.g. parallel e2e runs) live side by side.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // PGlite ships a 20 MB wasm and argon2 a native addon: load them from node_modules at run time.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'unpdf'],
  poweredByHeader: false,
  // The build cache speeds up a rebuild after an update; a clean CI checkout would only pay to write it (~20 s).
  experimental: { turbopackFileSystemCacheForBuild: process.env.CI !== 'true' },
  typedRoutes: false,
  // Types are checked by `npm run typecheck` (CI runs it); the build need not do it twice.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: contentSecurityPolicy },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
        ],
      },
    ];
  },
};

export default nextConfig;
