import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { rawRows } from '@/db/client';
import { describeDb } from '@/lib/testing/db-harness';
import { distroOf } from './distro';
import { OS_FAMILIES } from './types';

describeDb('pw_distro mirrors distroOf', (get) => {
  it('agrees for every family on typical releases', async () => {
    for (const family of OS_FAMILIES) {
      for (const release of ['12', '9.2', '22.04', '3.11', '15.5', '2022']) {
        const [row] = await rawRows<{ d: string | null }>(get().db, sql`select pw_distro(${family}::os_family, ${release}) as d`);
        expect(row.d, `${family} ${release}`).toBe(distroOf(family, release));
      }
    }
  });
});
