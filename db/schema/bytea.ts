import { customType } from 'drizzle-orm/pg-core';

/** bytea as Uint8Array: order-preserving version keys compare with plain byte order in SQL. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array | Buffer }>({
  dataType: () => 'bytea',
  toDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
  fromDriver: (v) => new Uint8Array(v),
});
