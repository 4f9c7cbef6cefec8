import type { NextAuthConfig } from 'next-auth';

/** Paths anyone may open; everything else needs a session (API routes answer 401 JSON themselves). */
export const PUBLIC_PATHS = ['/login', '/api/auth', '/api/health', '/api/v1'];

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

/** Proxy-safe part of the Auth.js config: no database imports. */
export const authConfig = {
  pages: { signIn: '/login' },
  session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
  trustHost: true,
  providers: [],
  logger: {
    // A wrong password is an expected event, not a stack trace in the server log.
    error(error) {
      if (error.name === 'CredentialsSignin') return;
      console.error('[auth]', error);
    },
  },
  callbacks: {
    authorized({ auth, request }) {
      return isPublicPath(request.nextUrl.pathname) || !!auth?.user;
    },
    jwt({ token, user }) {
      if (user?.id) token.uid = user.id;
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === 'string') session.user.id = token.uid;
      return session;
    },
  },
} satisfies NextAuthConfig;
