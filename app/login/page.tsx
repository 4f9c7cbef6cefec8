import { ShieldCheck } from 'lucide-react';
import { redirect } from 'next/navigation';
import { AuthError } from 'next-auth';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Input } from '@/components/ui/input';
import { FormMessage } from '@/components/ui/page-header';
import { isOidcEnabled, signIn } from '@/lib/auth';
import { getActor } from '@/lib/auth/session';
import { shouldSeedDemo } from '@/lib/env';
import { DEMO_OWNER, DEMO_PASSWORD, DEMO_STAFF } from '@/lib/seed/demo-users';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Sign in' };

/** Only a same-origin path may be a post-login target (blocks open redirects; see STACK.md §5). */
function safePath(cb: string | undefined): string {
  if (!cb) return '/';
  try {
    const u = new URL(cb, 'http://x');
    return u.pathname.startsWith('/') && !u.pathname.startsWith('//') ? u.pathname + u.search : '/';
  } catch {
    return '/';
  }
}

async function signInWithPassword(formData: FormData) {
  'use server';
  const redirectTo = safePath(String(formData.get('callbackUrl') ?? ''));
  try {
    await signIn('credentials', { email: formData.get('email'), password: formData.get('password'), redirectTo });
  } catch (err) {
    if (err instanceof AuthError) redirect(`/login?error=1&callbackUrl=${encodeURIComponent(redirectTo)}`);
    throw err;
  }
}

async function signInWithOidc(formData: FormData) {
  'use server';
  await signIn('oidc', { redirectTo: safePath(String(formData.get('callbackUrl') ?? '')) });
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ error?: string; callbackUrl?: string }> }) {
  const sp = await searchParams;
  if (await getActor()) redirect(safePath(sp.callbackUrl));
  const demo = shouldSeedDemo();
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-slate-50 to-brand-50 px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-center gap-2 text-brand-900">
          <ShieldCheck className="size-7 text-brand-600" />
          <span className="text-xl font-semibold tracking-tight">Patchward</span>
        </div>
        <Card className="p-6">
          <h1 className="text-lg font-semibold">Sign in</h1>
          <p className="mb-4 text-sm text-slate-500">Patch governance for your fleet.</p>
          {sp.error ? (
            <div className="mb-4">
              <FormMessage tone="error">Wrong email or password.</FormMessage>
            </div>
          ) : null}
          <form action={signInWithPassword} className="space-y-4">
            <input type="hidden" name="callbackUrl" value={sp.callbackUrl ?? '/'} />
            <Field label="Email" htmlFor="email">
              <Input id="email" name="email" type="email" autoComplete="username" required />
            </Field>
            <Field label="Password" htmlFor="password">
              <Input id="password" name="password" type="password" autoComplete="current-password" required />
            </Field>
            <Button type="submit" className="w-full">
              Sign in
            </Button>
          </form>
          {isOidcEnabled() ? (
            <form action={signInWithOidc} className="mt-3">
              <input type="hidden" name="callbackUrl" value={sp.callbackUrl ?? '/'} />
              <Button type="submit" variant="secondary" className="w-full">
                Sign in with single sign-on
              </Button>
            </form>
          ) : null}
        </Card>
        {demo ? (
          <Card className="mt-4 p-4 text-xs text-slate-600">
            <p className="mb-2 font-medium text-slate-800">Demo logins (password “{DEMO_PASSWORD}”)</p>
            <ul className="grid grid-cols-1 gap-1 font-mono">
              {[...DEMO_STAFF, DEMO_OWNER].map((u) => (
                <li key={u.email}>
                  {u.email} <span className="text-slate-400">· {u.hint}</span>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
      </div>
    </main>
  );
}
