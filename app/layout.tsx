import type { Metadata } from 'next';
import Link from 'next/link';
import { getSessionActor } from '@/lib/server/auth/session-actor';
import { signOutAction } from './sign-in/actions';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Tandem', template: '%s · Tandem' },
  description: 'Systematic reviews, from search results to synthesis, as a team.',
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const actor = await getSessionActor();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
          Skip to content
        </a>
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-7xl items-center justify-between px-4 py-3">
            <Link href="/" className="flex items-center gap-2 text-lg font-semibold text-brand-900">
              <span aria-hidden="true" className="inline-block h-6 w-6 rounded bg-brand-600 text-center text-sm leading-6 text-white">
                T
              </span>
              Tandem
            </Link>
            <nav aria-label="Account" className="flex items-center gap-4 text-sm">
              {actor ? (
                <>
                  <Link href="/projects" className="text-slate-700 hover:text-brand-700">
                    Projects
                  </Link>
                  <Link href="/account" className="text-slate-700 hover:text-brand-700">
                    Account
                  </Link>
                  <form action={signOutAction}>
                    <button type="submit" className="text-slate-700 hover:text-brand-700">
                      Sign out
                    </button>
                  </form>
                </>
              ) : (
                <>
                  <Link href="/sign-in" className="text-slate-700 hover:text-brand-700">
                    Sign in
                  </Link>
                  <Link href="/sign-up" className="text-slate-700 hover:text-brand-700">
                    Sign up
                  </Link>
                </>
              )}
            </nav>
          </div>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
