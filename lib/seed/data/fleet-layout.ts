import type { TCriticality } from '@/lib/domain/types';
import type { TDemoOs, TSoftwareRole } from './software';

/**
 * The shape of the demo estate: three customers of a managed-hosting provider, each with its own
 * KVM clusters, golden images and applications. fleet.ts turns this into assets deterministically.
 */

export type TClusterLayout = {
  /** Cluster name as stored on hosts, e.g. `acme-east`. */
  name: string;
  /** Used in host names: `acme-hv-east-01`. */
  short: string;
  zone: string;
  os: TDemoOs;
  hosts: number;
};

export type TImageLayout = {
  /** Image family; the asset is named `${family}-${version}`. */
  family: string;
  version: string;
  os: TDemoOs;
  /** Built before the latest updates: one update behind on every ladder. */
  isStale: boolean;
};

export type TTenantLayout = {
  slug: string;
  name: string;
  zoneHint: string;
  clusters: TClusterLayout[];
  /** Which cluster hosts the VMs of each zone (VMs run near their users). */
  clusterOfZone: Record<string, string>;
  images: TImageLayout[];
};

export type TAppLayout = {
  tenantSlug: string;
  /** null for the tenant's shared infrastructure VMs (bastions, monitoring), which belong to no application. */
  slug: string | null;
  name: string;
  /** Used in VM names: `acme-web-prod-017`. Unique within the tenant. */
  code: string;
  role: TSoftwareRole;
  /** OS mix of the application's VMs, by relative weight. */
  os: readonly (readonly [TDemoOs, number])[];
  ownerKey: string;
  criticality: TCriticality;
  vms: number;
  /** The application's zones; the first one also hosts its test and dev VMs. */
  zones: readonly string[];
  tags: readonly string[];
};

export const TENANT_LAYOUTS: readonly TTenantLayout[] = [
  {
    slug: 'acme',
    name: 'Acme Retail',
    zoneHint: 'America/New_York',
    clusters: [
      { name: 'acme-east', short: 'east', zone: 'America/New_York', os: 'debian12', hosts: 4 },
      { name: 'acme-west', short: 'west', zone: 'America/Los_Angeles', os: 'debian12', hosts: 4 },
    ],
    clusterOfZone: {
      'America/New_York': 'acme-east',
      'America/Chicago': 'acme-east',
      'America/Sao_Paulo': 'acme-east',
      'Europe/London': 'acme-east',
      'America/Los_Angeles': 'acme-west',
    },
    images: [
      { family: 'debian-12-base', version: 'v2026.09', os: 'debian12', isStale: true },
      { family: 'debian-12-base', version: 'v2026.11', os: 'debian12', isStale: false },
      { family: 'ubuntu-2204-base', version: 'v2026.10', os: 'ubuntu2204', isStale: false },
    ],
  },
  {
    slug: 'globex',
    name: 'Globex Logistics',
    zoneHint: 'Europe/Berlin',
    clusters: [
      { name: 'globex-fra', short: 'fra', zone: 'Europe/Berlin', os: 'alma94', hosts: 4 },
      { name: 'globex-syd', short: 'syd', zone: 'Australia/Sydney', os: 'alma94', hosts: 4 },
    ],
    clusterOfZone: {
      'Europe/Berlin': 'globex-fra',
      'Europe/London': 'globex-fra',
      'America/Sao_Paulo': 'globex-fra',
      'Asia/Kolkata': 'globex-fra',
      'Asia/Tokyo': 'globex-syd',
      'Australia/Sydney': 'globex-syd',
    },
    images: [
      { family: 'debian-12-base', version: 'v2026.11', os: 'debian12', isStale: false },
      { family: 'alma-9-base', version: 'v2026.08', os: 'alma94', isStale: true },
      { family: 'alma-9-base', version: 'v2026.10', os: 'alma94', isStale: false },
      { family: 'alma-92-edi-base', version: 'v2025.03', os: 'alma92', isStale: false },
    ],
  },
  {
    slug: 'initech',
    name: 'Initech Health',
    zoneHint: 'America/Chicago',
    clusters: [
      { name: 'initech-chi', short: 'chi', zone: 'America/Chicago', os: 'debian12', hosts: 4 },
      { name: 'initech-blr', short: 'blr', zone: 'Asia/Kolkata', os: 'debian12', hosts: 4 },
    ],
    clusterOfZone: {
      'America/Chicago': 'initech-chi',
      'America/New_York': 'initech-chi',
      'America/Los_Angeles': 'initech-chi',
      'Asia/Kolkata': 'initech-blr',
      'Asia/Kathmandu': 'initech-blr',
    },
    images: [
      { family: 'alma-9-base', version: 'v2026.10', os: 'alma94', isStale: false },
      { family: 'alma-92-ehr-base', version: 'v2025.06', os: 'alma92', isStale: false },
      { family: 'debian-12-base', version: 'v2026.09', os: 'debian12', isStale: true },
      { family: 'debian-12-base', version: 'v2026.11', os: 'debian12', isStale: false },
    ],
  },
];

const DEB: readonly (readonly [TDemoOs, number])[] = [['debian12', 1]];
const ALMA: readonly (readonly [TDemoOs, number])[] = [['alma94', 1]];

export const APP_LAYOUTS: readonly TAppLayout[] = [
  // Acme Retail: US stores plus Brazil and the UK; card data on the storefront and checkout.
  {
    tenantSlug: 'acme',
    slug: 'storefront',
    name: 'Storefront',
    code: 'web',
    role: 'web',
    os: DEB,
    ownerKey: 'owner.acme.1',
    criticality: 'tier0',
    vms: 48,
    zones: ['America/New_York', 'America/Chicago', 'America/Los_Angeles', 'America/Sao_Paulo', 'Europe/London'],
    tags: ['pci', 'internet-facing'],
  },
  {
    tenantSlug: 'acme',
    slug: 'checkout-api',
    name: 'Checkout API',
    code: 'api',
    role: 'java',
    os: DEB,
    ownerKey: 'owner.acme.1',
    criticality: 'tier0',
    vms: 32,
    zones: ['America/New_York', 'America/Chicago', 'America/Los_Angeles'],
    tags: ['pci'],
  },
  {
    tenantSlug: 'acme',
    slug: 'inventory-db',
    name: 'Inventory DB',
    code: 'db',
    role: 'db',
    os: DEB,
    ownerKey: 'owner.acme.2',
    criticality: 'tier1',
    vms: 14,
    zones: ['America/New_York', 'America/Chicago'],
    tags: ['database'],
  },
  {
    tenantSlug: 'acme',
    slug: 'analytics',
    name: 'Sales Analytics',
    code: 'bi',
    role: 'batch',
    os: [['ubuntu2204', 1]],
    ownerKey: 'owner.acme.3',
    criticality: 'tier2',
    vms: 12,
    zones: ['America/Chicago'],
    tags: ['batch'],
  },
  {
    tenantSlug: 'acme',
    slug: null,
    name: 'Shared infrastructure',
    code: 'infra',
    role: 'infra',
    os: DEB,
    ownerKey: 'owner.acme.2',
    criticality: 'tier1',
    vms: 8,
    zones: ['America/New_York', 'America/Los_Angeles'],
    tags: ['infra'],
  },

  // Globex Logistics: worldwide parcel tracking; partner EDI pinned to a certified AlmaLinux 9.2.
  {
    tenantSlug: 'globex',
    slug: 'tracking-portal',
    name: 'Shipment Tracking Portal',
    code: 'web',
    role: 'web',
    os: DEB,
    ownerKey: 'owner.globex.1',
    criticality: 'tier1',
    vms: 40,
    zones: ['Europe/Berlin', 'Europe/London', 'Asia/Tokyo', 'Australia/Sydney', 'America/Sao_Paulo'],
    tags: ['internet-facing'],
  },
  {
    tenantSlug: 'globex',
    slug: 'route-planner',
    name: 'Route Planner',
    code: 'route',
    role: 'java',
    os: ALMA,
    ownerKey: 'owner.globex.2',
    criticality: 'tier1',
    vms: 36,
    zones: ['Europe/Berlin', 'Asia/Tokyo', 'Australia/Sydney', 'Asia/Kolkata'],
    tags: [],
  },
  {
    tenantSlug: 'globex',
    slug: 'fleet-db',
    name: 'Fleet DB',
    code: 'db',
    role: 'db',
    os: ALMA,
    ownerKey: 'owner.globex.2',
    criticality: 'tier0',
    vms: 14,
    zones: ['Europe/Berlin', 'Australia/Sydney'],
    tags: ['database'],
  },
  {
    tenantSlug: 'globex',
    slug: 'edi-gateway',
    name: 'EDI Gateway',
    code: 'edi',
    role: 'cache',
    os: [
      ['alma94', 1],
      ['alma92', 1],
    ],
    ownerKey: 'owner.globex.3',
    criticality: 'tier1',
    vms: 18,
    zones: ['Europe/London', 'Europe/Berlin'],
    tags: ['partner-certified'],
  },
  {
    tenantSlug: 'globex',
    slug: null,
    name: 'Shared infrastructure',
    code: 'infra',
    role: 'infra',
    os: DEB,
    ownerKey: 'owner.globex.1',
    criticality: 'tier1',
    vms: 8,
    zones: ['Europe/Berlin', 'Australia/Sydney'],
    tags: ['infra'],
  },

  // Initech Health: US clinics with an offshore claims and lab team in India and Nepal.
  {
    tenantSlug: 'initech',
    slug: 'patient-portal',
    name: 'Patient Portal',
    code: 'web',
    role: 'web',
    os: ALMA,
    ownerKey: 'owner.initech.1',
    criticality: 'tier0',
    vms: 36,
    zones: ['America/Chicago', 'America/New_York', 'America/Los_Angeles'],
    tags: ['hipaa', 'internet-facing'],
  },
  {
    tenantSlug: 'initech',
    slug: 'ehr-db',
    name: 'EHR Database',
    code: 'ehr',
    role: 'db',
    os: [['alma92', 1]],
    ownerKey: 'owner.initech.2',
    criticality: 'tier0',
    vms: 16,
    zones: ['America/Chicago', 'America/New_York'],
    tags: ['hipaa', 'database', 'vendor-certified'],
  },
  {
    tenantSlug: 'initech',
    slug: 'claims-batch',
    name: 'Claims Batch',
    code: 'claims',
    role: 'batch',
    os: DEB,
    ownerKey: 'owner.initech.3',
    criticality: 'tier2',
    vms: 30,
    zones: ['Asia/Kolkata', 'Asia/Kathmandu', 'America/Chicago'],
    tags: ['hipaa', 'batch'],
  },
  {
    tenantSlug: 'initech',
    slug: 'lab-integration',
    name: 'Lab Integration',
    code: 'lab',
    role: 'cache',
    os: DEB,
    ownerKey: 'owner.initech.1',
    criticality: 'tier1',
    vms: 20,
    zones: ['Asia/Kolkata', 'Asia/Kathmandu', 'America/Chicago'],
    tags: ['hipaa'],
  },
  {
    tenantSlug: 'initech',
    slug: null,
    name: 'Shared infrastructure',
    code: 'infra',
    role: 'infra',
    os: ALMA,
    ownerKey: 'owner.initech.3',
    criticality: 'tier1',
    vms: 8,
    zones: ['America/Chicago', 'Asia/Kolkata'],
    tags: ['infra', 'hipaa'],
  },
];

export const RING_NAMES = ['test', 'dev', 'prod'] as const;
export type TRingName = (typeof RING_NAMES)[number];
