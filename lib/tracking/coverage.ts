import { sql, type SQL } from 'drizzle-orm';

/**
 * Applicability states of an asset that still needs the patch: a tracking record stays open while
 * one of its assets is in one of them. 'missing' and 'unknown' are what assessment writes (an
 * unparsable version is not proof of a fix); 'pending' and 'failed' are what deployments will write
 * (the fix is not verified installed until inventory says so).
 */
export const AFFECTED_STATES = ['missing', 'unknown', 'pending', 'failed'] as const;

/** SQL list of AFFECTED_STATES, for `state in (...)`. */
export const AFFECTED_STATES_SQL = sql.raw(AFFECTED_STATES.map((s) => `'${s}'`).join(', '));

/** The applicability state an approved exception gives a pair once exceptions write it. */
export const EXCEPTED_STATE = 'excepted';

/** Columns of one patch × asset pair, as SQL expressions of the calling query's aliases. */
export type TPairColumns = { tenantId: SQL; patchId: SQL; assetId: SQL; applicationId: SQL };

/**
 * Extension point for exceptions (another issue): SQL that is true when an approved, unexpired
 * exception covers the pair. A covered pair does not keep a tracking record open, and a record whose
 * last affected assets are covered closes as 'excepted' rather than 'remediated'. Until exceptions
 * exist, no pair is covered; the exceptions module replaces this body with its EXISTS condition
 * (scopes: asset, application, ring, tenant; by patch, CVE or severity).
 */
export function exceptionCoversPairSql(_pair: TPairColumns): SQL {
  return sql`false`;
}

/** A pair covered either way: its stored state says so, or an approved exception covers it. */
export function isPairCoveredSql(state: SQL, pair: TPairColumns): SQL {
  return sql`(${state} = ${EXCEPTED_STATE} or ${exceptionCoversPairSql(pair)})`;
}
