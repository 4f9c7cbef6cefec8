import { z } from 'zod';

/**
 * The part of CSAF 2.0 (https://docs.oasis-open.org/csaf/csaf/v2.0/) the transform reads, for the profiles
 * csaf_base, csaf_security_advisory, csaf_vex and csaf_informational_advisory. Unknown keys are dropped.
 */

const ZHelper = z
  .object({
    cpe: z.string().min(1).optional(),
    purl: z.string().min(1).optional(),
  })
  .nullable()
  .optional();

export const ZFullProductName = z.object({
  name: z.string().min(1),
  product_id: z.string().min(1),
  product_identification_helper: ZHelper,
});
export type TFullProductName = z.infer<typeof ZFullProductName>;

export const ZBranch = z.object({
  category: z.string().min(1),
  name: z.string().min(1),
  product: ZFullProductName.optional(),
  get branches() {
    return z.array(ZBranch).optional();
  },
});
export type TBranch = z.infer<typeof ZBranch>;

export const ZRelationship = z.object({
  category: z.string().min(1),
  product_reference: z.string().min(1),
  relates_to_product_reference: z.string().min(1),
  full_product_name: ZFullProductName,
});

export const ZProductTree = z.object({
  branches: z.array(ZBranch).optional(),
  full_product_names: z.array(ZFullProductName).optional(),
  relationships: z.array(ZRelationship).optional(),
});
export type TProductTree = z.infer<typeof ZProductTree>;

const ZIds = z.array(z.string().min(1)).optional();

export const ZProductStatus = z.object({
  first_affected: ZIds,
  first_fixed: ZIds,
  fixed: ZIds,
  known_affected: ZIds,
  known_not_affected: ZIds,
  last_affected: ZIds,
  recommended: ZIds,
  under_investigation: ZIds,
});

const ZVector = z.object({ vectorString: z.string().min(1) }).optional();

const ZReference = z.object({ url: z.string().min(1), summary: z.string().optional() });

const ZVulnerability = z.object({
  cve: z.string().optional(),
  title: z.string().optional(),
  product_status: ZProductStatus.optional(),
  remediations: z
    .array(
      z.object({
        category: z.string().min(1),
        details: z.string().optional(),
        url: z.string().optional(),
        product_ids: ZIds,
      }),
    )
    .optional(),
  scores: z.array(z.object({ products: z.array(z.string()).optional(), cvss_v2: ZVector, cvss_v3: ZVector, cvss_v4: ZVector })).optional(),
  threats: z.array(z.object({ category: z.string().min(1), details: z.string(), product_ids: ZIds })).optional(),
  references: z.array(ZReference).optional(),
});
export type TCsafVulnerability = z.infer<typeof ZVulnerability>;

export const ZCsafDocument = z.object({
  document: z.object({
    category: z.string().min(1),
    csaf_version: z.string().regex(/^2\.\d$/),
    title: z.string().min(1),
    publisher: z.object({ name: z.string().min(1), category: z.string().optional() }),
    aggregate_severity: z.object({ text: z.string().min(1) }).optional(),
    notes: z.array(z.object({ category: z.string(), text: z.string(), title: z.string().optional() })).optional(),
    references: z.array(ZReference).optional(),
    tracking: z.object({
      id: z.string().min(1),
      version: z.string().min(1),
      status: z.string().optional(),
      initial_release_date: z.string().min(1),
      current_release_date: z.string().min(1),
    }),
  }),
  product_tree: ZProductTree.optional(),
  vulnerabilities: z.array(ZVulnerability).optional(),
});
export type TCsafDocument = z.infer<typeof ZCsafDocument>;
