import 'server-only';
import { eq } from 'drizzle-orm';
import NextAuth from 'next-auth';
import type { Provider } from 'next-auth/providers';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/lib/runtime/db';
import { users } from '@/db/schema';
import { env } from '@/lib/env';
import { authConfig } from './config';
import { verifyCredentials } from './credentials';

function providers(): Provider[] {
  const list: Provider[] = [
    Credentials({
      credentials: { email: { label: 'Email' }, password: { label: 'Password', type: 'password' } },
      authorize: async (credentials) => verifyCredentials(await getDb(), credentials),
    }),
  ];
  const e = env();
  if (e.OIDC_ISSUER && e.OIDC_CLIENT_ID) {
    list.push({ id: 'oidc', name: 'Single sign-on', type: 'oidc', issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET });
  }
  return list;
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: providers(),
  callbacks: {
    ...authConfig.callbacks,
    /** OIDC users must already exist (memberships are granted by an admin); their id comes from our table. */
    async signIn({ user, account }) {
      if (account?.provider !== 'oidc') return true;
      if (!user.email) return false;
      const [row] = await (await getDb()).select().from(users).where(eq(users.email, user.email.toLowerCase()));
      if (!row || row.isDisabled) return false;
      user.id = row.id;
      return true;
    },
  },
});

export function isOidcEnabled(): boolean {
  const e = env();
  return !!(e.OIDC_ISSUER && e.OIDC_CLIENT_ID);
}
