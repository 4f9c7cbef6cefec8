import { z } from 'zod';

/**
 * The part of the OSV schema (https://ossf.github.io/osv-schema/, 1.0–1.7) the transform reads. Unknown keys
 * are dropped; what is read is checked, so a malformed record fails with the path of the bad field.
 */

const ZEvent = z.object({
  introduced: z.string().min(1).optional(),
  fixed: z.string().min(1).optional(),
  last_affected: z.string().min(1).optional(),
  limit: z.string().min(1).optional(),
});

const ZRange = z.object({
  type: z.enum(['ECOSYSTEM', 'SEMVER', 'GIT']),
  repo: z.string().optional(),
  events: z.array(ZEvent).min(1),
});

export const ZOsvSeverity = z.object({ type: z.string().min(1), score: z.string().min(1) });

/** Ubuntu lists the binary packages built from the affected source package. */
const ZBinary = z.object({ binary_name: z.string().min(1), binary_version: z.string().min(1).optional() });

const ZAffected = z.object({
  package: z
    .object({
      ecosystem: z.string().min(1),
      name: z.string().min(1),
      purl: z.string().optional(),
    })
    .optional(),
  ranges: z.array(ZRange).optional(),
  versions: z.array(z.string()).optional(),
  severity: z.array(ZOsvSeverity).optional(),
  ecosystem_specific: z
    .object({ binaries: z.array(ZBinary).optional() })
    .nullable()
    .optional(),
});

export const ZOsvRecord = z.object({
  schema_version: z.string().optional(),
  id: z.string().min(1),
  modified: z.string().min(1),
  published: z.string().optional(),
  withdrawn: z.string().optional(),
  aliases: z.array(z.string()).nullable().optional(),
  related: z.array(z.string()).nullable().optional(),
  upstream: z.array(z.string()).nullable().optional(),
  summary: z.string().optional(),
  details: z.string().optional(),
  severity: z.array(ZOsvSeverity).nullable().optional(),
  affected: z.array(ZAffected).nullable().optional(),
  references: z
    .array(z.object({ type: z.string().optional(), url: z.string() }))
    .nullable()
    .optional(),
  /** GHSA's rating; other databases put other shapes here, which are not an error. */
  database_specific: z
    .object({ severity: z.string().nullable().optional().catch(undefined) })
    .nullable()
    .optional()
    .catch(undefined),
});
export type TOsvRecord = z.infer<typeof ZOsvRecord>;
export type TOsvAffected = z.infer<typeof ZAffected>;
