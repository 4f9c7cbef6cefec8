import { z } from 'zod';

/** Page, size and `sort=column:dir` from a query string, shared by every paged list. */
export function listQuerySchema<const C extends readonly [string, ...string[]]>(sortColumns: C, defaultSort: C[number]) {
  return z.object({
    page: z.coerce.number().int().min(1).max(100_000).catch(1),
    size: z.coerce
      .number()
      .int()
      .refine((n) => [10, 25, 50, 100, 200].includes(n))
      .catch(50),
    sort: z
      .string()
      .regex(/^[a-z_]+:(asc|desc)$/)
      .transform((s) => {
        const [id, dir] = s.split(':');
        return { id: id as C[number], desc: dir === 'desc' };
      })
      .refine((s) => (sortColumns as readonly string[]).includes(s.id))
      .catch({ id: defaultSort, desc: false }),
    q: z.string().trim().max(200).optional().catch(undefined),
  });
}

/** Escapes LIKE wildcards in user text. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export type TPage<T> = { rows: T[]; total: number; page: number; size: number };
