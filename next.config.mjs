/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite must not be bundled: its WASM/data files are loaded from node_modules at run time
  // (bundled, the first query from a server component fails; see shared/STACK.md §3).
  serverExternalPackages: ['@electric-sql/pglite', 'pg-boss'],
  poweredByHeader: false,
  experimental: { serverActions: { bodySizeLimit: '12mb' } },
};
export default nextConfig;
