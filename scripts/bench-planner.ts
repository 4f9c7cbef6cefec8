// Planner speed at fleet scale: 100,000 targets over 40 zones, 3 rings, hypervisor hosts in clusters
// with their VMs, windows in the asset zone plus one fixed-zone window, and a year-end blackout.
// Pure and in-process: no database. Called from scripts/bench.ts.
import { planChange, summarizePlan, type TPlanInput, type TPlanTarget } from '../lib/domain/planner';
import { defaultPolicy } from '../lib/domain/policy';
import { ZWindowDef } from '../lib/domain/windows';

const ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Dublin',
  'Europe/Lisbon',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Madrid',
  'Europe/Rome',
  'Europe/Warsaw',
  'Europe/Helsinki',
  'Europe/Athens',
  'Europe/Istanbul',
  'Europe/Moscow',
  'Africa/Cairo',
  'Africa/Johannesburg',
  'Africa/Lagos',
  'Asia/Dubai',
  'Asia/Karachi',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Dhaka',
  'Asia/Bangkok',
  'Asia/Singapore',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Asia/Seoul',
  'Australia/Perth',
  'Australia/Adelaide',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Pacific/Auckland',
  'Pacific/Chatham',
  'Pacific/Honolulu',
  'America/Anchorage',
  'America/Los_Angeles',
  'America/Denver',
  'America/Chicago',
  'America/New_York',
  'America/St_Johns',
  'America/Sao_Paulo',
] as const;

const HOSTS_PER_CLUSTER = 16;
/** One host per this many targets; the VMs around it run on it. */
const HOST_EVERY = 40;

/** A deterministic 100k-target change in the shape of a large managed fleet. */
export function buildPlannerInput(n = 100_000): TPlanInput {
  const windows = [
    {
      id: 'pt3-local',
      def: ZWindowDef.parse({
        name: 'Patch Tuesday + 3, 22:00 local',
        recurrence: { kind: 'patchTuesdayOffset', offsetDays: 3 },
        start: '22:00',
        durationMinutes: 240,
        zone: 'asset',
      }),
    },
    {
      id: 'sun-local',
      def: ZWindowDef.parse({ name: 'Sunday 02:00 local', recurrence: { kind: 'weekly', days: ['SU'] }, start: '02:00', durationMinutes: 180, zone: 'asset' }),
    },
    {
      id: 'test-local',
      def: ZWindowDef.parse({
        name: 'Test Tue/Thu 10:00 local',
        recurrence: { kind: 'weekly', days: ['TU', 'TH'] },
        start: '10:00',
        durationMinutes: 120,
        zone: 'asset',
      }),
    },
    {
      id: 'sat-utc',
      def: ZWindowDef.parse({ name: 'Saturday 06:00 UTC', recurrence: { kind: 'weekly', days: ['SA'] }, start: '06:00', durationMinutes: 360, zone: 'UTC' }),
    },
  ];
  const targets: TPlanTarget[] = [];
  let host: string | null = null;
  for (let i = 0; i < n; i++) {
    const ring = i % 10 === 0 ? 'test' : i % 10 < 3 ? 'dev' : 'prod';
    const zone = ZONES[i % ZONES.length];
    const isHost = i % HOST_EVERY === 0;
    const id = `a${String(i).padStart(6, '0')}`;
    if (isHost) host = id;
    const hostIndex = Math.floor(i / HOST_EVERY);
    targets.push({
      assetId: id,
      kind: isHost ? 'host' : 'vm',
      ring: isHost ? 'prod' : ring,
      zone,
      clusterId: isHost ? `c${Math.floor(hostIndex / HOSTS_PER_CLUSTER)}` : null,
      hostId: isHost ? null : host,
      windowIds: isHost ? ['sat-utc'] : ring === 'test' ? ['test-local', 'sun-local'] : ['pt3-local', 'sun-local', 'sat-utc'],
      // Detected over the last two weeks, so deadlines spread.
      detectedAt: new Date(Date.parse('2026-11-23T12:00:00Z') - (i % 14) * 86_400_000).toISOString(),
      tenantId: 't1',
      tags: i % 3 === 0 ? ['pci'] : [],
    });
  }
  return {
    changeId: 'bench',
    patches: [{ id: 'p1', severity: 'high', expectedMinutes: 45, requiresReboot: true }],
    targets,
    windows,
    blackouts: [{ name: 'Year-end change freeze', startsAt: '2026-12-20T00:00:00Z', endsAt: '2027-01-05T00:00:00Z', scope: {} }],
    policy: defaultPolicy(),
    now: '2026-11-23T12:00:00Z',
  };
}

/** Same line format as `time()` in scripts/bench.ts. */
function report(label: string, samples: number[]): void {
  const s = [...samples].sort((a, b) => a - b);
  console.log(`  ${label.padEnd(58)} median ${s[Math.floor(s.length / 2)].toFixed(1).padStart(8)} ms   max ${s[s.length - 1].toFixed(1).padStart(8)} ms`);
}

export async function benchPlanner(n = 100_000): Promise<void> {
  const t0 = performance.now();
  const input = buildPlannerInput(n);
  console.log(`  built ${n.toLocaleString('en-US')} targets over ${ZONES.length} zones in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const samples: number[] = [];
  let plan = planChange(input);
  for (let run = 0; run < 3; run++) {
    const t = performance.now();
    plan = planChange(input);
    samples.push(performance.now() - t);
  }
  report(`planChange ${n.toLocaleString('en-US')} targets, 40 zones, 3 rings`, samples);
  const s = summarizePlan(plan);
  const unschedulable =
    Object.entries(s.unschedulable)
      .filter(([, c]) => c > 0)
      .map(([r, c]) => `${r} ${c}`)
      .join(', ') || 'none';
  console.log(
    `  → ${s.jobs.toLocaleString('en-US')} jobs in ${s.waves.length} waves (${s.waves.map((w) => w.ring).join(' → ')}), ${s.atRisk.toLocaleString('en-US')} late, unschedulable: ${unschedulable}`,
  );
}
