/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite must not be bundled: its WASM/data files are loaded from node_modules at run time
  // (bundled, the first query from a server component fails; see shared/STACK.md §3).
  serverExternalPackages: ['@electric-sql/pglite', 'pg-boss'],
  poweredByHeader: false,
  // A second build beside the default one (parallel e2e runs on one checkout) sets NEXT_DIST_DIR.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // authInterrupts: pages call forbidden() so a role without access gets HTTP 403 and app/(console)/forbidden.tsx.
  experimental: { serverActions: { bodySizeLimit: '12mb' }, authInterrupts: true },
};
export default nextConfig;
