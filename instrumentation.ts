/** Runs once when the server starts: open and migrate the database, seed the demo, start the worker. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.PATCHWARD_WORKER === 'off') return;
  const { getBoss } = await import('./lib/runtime/jobs');
  await getBoss().catch(() => {});
}
