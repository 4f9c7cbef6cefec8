import type { TRole } from '@/lib/domain/types';

/** Demo-only shared password; the demo seed never runs against a production DATABASE_URL unless asked. */
export const DEMO_PASSWORD = 'patchward-demo';

export type TDemoUser = { email: string; name: string; role: TRole; tenants: 'all' | string[] };

/** Provider-side staff, members of every demo tenant. Application owners come from the fleet data. */
export const DEMO_STAFF: TDemoUser[] = [
  { email: 'admin@patchward.demo', name: 'Ada Admin', role: 'admin', tenants: 'all' },
  { email: 'security@patchward.demo', name: 'Sam Okafor (Security)', role: 'security', tenants: 'all' },
  { email: 'security2@patchward.demo', name: 'Priya Nair (Security)', role: 'security', tenants: 'all' },
  { email: 'operator@patchward.demo', name: 'Olle Berg (Operations)', role: 'operator', tenants: 'all' },
  { email: 'manager@patchward.demo', name: 'Mona Lisowski (Manager)', role: 'manager', tenants: 'all' },
  { email: 'auditor@patchward.demo', name: 'Arun Mehta (Audit)', role: 'auditor', tenants: 'all' },
];

export function ownerEmail(ownerKey: string): string {
  return `${ownerKey}@patchward.demo`;
}
