import { z } from 'zod';

/**
 * Microsoft CVRF 1.1 as fast-xml-parser returns it (namespace prefixes removed, attributes as '@_Name',
 * every value a string). XML has no arrays: one child is an object, several are an array, an empty element
 * is '' — `many()` and `text` absorb those shapes so the rest of the schema states the real structure.
 */

/** Element text: a plain string, or the '#text' of an element that also carries attributes. */
const text = z.union([z.string(), z.object({ '#text': z.string() }).transform((o) => o['#text'])]);

/** Zero, one or many repeated elements, always as an array. */
function many<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item));
}

/** An optional container element that may be written empty (`<CVSSScoreSets />`). */
function container<T extends z.ZodRawShape>(shape: T) {
  return z.preprocess((v) => (v === '' || v === null ? undefined : v), z.object(shape).optional());
}

const ZFullProductName = z.object({ '#text': z.string().min(1), '@_ProductID': z.string().min(1) });

type TBranch = { FullProductName: z.infer<typeof ZFullProductName>[]; Branch: TBranch[] };
const ZBranch: z.ZodType<TBranch, unknown> = z.lazy(() =>
  z.object({
    FullProductName: many(ZFullProductName),
    Branch: many(ZBranch),
  }),
);

const ZRemediation = z.object({
  '@_Type': z.string().min(1),
  Description: text.optional(),
  URL: text.optional(),
  Supercedence: text.optional(),
  ProductID: many(text),
  FixedBuild: text.optional(),
  SubType: text.optional(),
  RestartRequired: text.optional(),
});
export type TCvrfRemediation = z.infer<typeof ZRemediation>;

const ZVulnerability = z.object({
  Title: text.optional(),
  CVE: text.optional(),
  Threats: container({
    Threat: many(z.object({ '@_Type': z.string().min(1), Description: text.optional(), ProductID: many(text) })),
  }),
  CVSSScoreSets: container({
    ScoreSet: many(z.object({ Vector: text.optional(), BaseScore: text.optional(), ProductID: many(text) })),
  }),
  Remediations: container({ Remediation: many(ZRemediation) }),
  RevisionHistory: container({ Revision: many(z.object({ Number: text.optional(), Date: text.optional() })) }),
});
export type TCvrfVulnerability = z.infer<typeof ZVulnerability>;

export const ZCvrfDocument = z.object({
  cvrfdoc: z.object({
    DocumentTitle: text,
    DocumentTracking: z.object({
      Identification: z.object({ ID: text }),
      Version: text,
      RevisionHistory: container({ Revision: many(z.object({ Number: text.optional(), Date: text.optional() })) }),
      InitialReleaseDate: text.optional(),
      CurrentReleaseDate: text.optional(),
    }),
    ProductTree: z.object({
      FullProductName: many(ZFullProductName),
      Branch: many(ZBranch),
    }),
    Vulnerability: many(ZVulnerability),
  }),
});
export type TCvrfDocument = z.infer<typeof ZCvrfDocument>;
