import type { TRole } from '@/lib/domain/types';
// JSON so that scripts/start.mjs (plain Node, no TypeScript) prints the same logins.
import demo from './demo-users.json';

/** Demo-only shared password; the demo seed never runs against a production DATABASE_URL unless asked. */
export const DEMO_PASSWORD: string = demo.password;

export type TDemoUser = { email: string; name: string; role: TRole; tenants: 'all' | string[]; hint: string };

/**
 * Provider-side staff, members of every demo tenant, and one security user per tenant who belongs to
 * that tenant only: staff in every tenant hide leaks between tenants, single-tenant users show them.
 * Application owners come from the fleet data.
 */
export const DEMO_STAFF: TDemoUser[] = demo.staff.map((u) => ({
  ...u,
  role: u.role as TRole,
  tenants: 'tenants' in u && Array.isArray(u.tenants) ? u.tenants : 'all',
}));

/** The application owner the login page and the start script suggest. */
export const DEMO_OWNER: { email: string; hint: string } = demo.owner;

export function ownerEmail(ownerKey: string): string {
  return `${ownerKey}@patchward.demo`;
}
