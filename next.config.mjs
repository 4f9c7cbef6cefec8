/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite must not be bundled: its WASM/data files are loaded from node_modules at run time
  // (bundled, the first query from a server component fails; see shared/STACK.md §3).
  serverExternalPackages: ['@electric-sql/pglite', 'pg-boss'],
  poweredByHeader: false,
  // A second build beside the default one (parallel e2e runs on one checkout) sets NEXT_DIST_DIR.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  experimental: { serverActions: { bodySizeLimit: '12mb' } },
};
export default nextConfig;
