import { decideRoute } from '@/app/api/v1/patches/decide-route';

export const dynamic = 'force-dynamic';

/** POST — refuse a pending decision request (see decide-route.ts). */
export const POST = decideRoute('refuse');
