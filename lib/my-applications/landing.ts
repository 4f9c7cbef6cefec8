import type { TRole } from '@/lib/domain/types';

/** Where each role's work is, in the order that wins when a user holds several roles. */
const LANDING: readonly (readonly [TRole, string])[] = [
  ['security', '/testing'],
  ['operator', '/schedule'],
  ['app_owner', '/my'],
];

/** The overview stays the home of managers, auditors and admins until compliance gives them their own. */
export const OVERVIEW_PATH = '/overview';

/** The page a user starts on: the first of security, operator and app owner they hold, else the overview. */
export function landingPath(roles: readonly TRole[]): string {
  for (const [role, path] of LANDING) if (roles.includes(role)) return path;
  return OVERVIEW_PATH;
}
