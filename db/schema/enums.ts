import { pgEnum } from 'drizzle-orm/pg-core';
import { ASSET_KINDS, CRITICALITY_TIERS, LIFECYCLE_STATES, OS_FAMILIES, PACKAGE_ECOSYSTEMS, ROLES, SEVERITIES } from '@/lib/domain/types';

export const roleEnum = pgEnum('role', ROLES);
export const assetKindEnum = pgEnum('asset_kind', ASSET_KINDS);
export const lifecycleEnum = pgEnum('lifecycle_state', LIFECYCLE_STATES);
export const criticalityEnum = pgEnum('criticality', CRITICALITY_TIERS);
export const osFamilyEnum = pgEnum('os_family', OS_FAMILIES);
export const ecosystemEnum = pgEnum('package_ecosystem', PACKAGE_ECOSYSTEMS);
export const severityEnum = pgEnum('severity', SEVERITIES);
