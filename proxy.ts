import NextAuth from 'next-auth';
import { authConfig } from '@/lib/auth/config';

// Redirects anonymous visitors of console pages to /login. Pages, actions and routes still check
// permissions themselves: the proxy is a convenience, not the security boundary.
const { auth } = NextAuth(authConfig);
export default auth;

export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico|api/).*)'] };
