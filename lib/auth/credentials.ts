import bcrypt from 'bcryptjs';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { users } from '@/db/schema';

export const ZCredentials = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(200),
});

// A fixed hash to compare against when the user does not exist, so timing does not reveal accounts.
const DUMMY_HASH = '$2b$10$CwTycUXWue0Thq9StjUM0uJ8.3bY1c6u7gM7eA3wQ6l9sJ8ZPp5yW';

/** Returns the user for valid credentials, otherwise null. */
export async function verifyCredentials(db: TDb, input: unknown): Promise<{ id: string; email: string; name: string } | null> {
  const parsed = ZCredentials.safeParse(input);
  if (!parsed.success) return null;
  const [user] = await db.select().from(users).where(eq(users.email, parsed.data.email));
  const ok = await bcrypt.compare(parsed.data.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !user.passwordHash || user.isDisabled || !ok) return null;
  return { id: user.id, email: user.email, name: user.name };
}

export async function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, 12);
}
