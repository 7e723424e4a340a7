import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { env } from '@/lib/env';
import { verifyCredentials } from '@/lib/server/accounts/verify-credentials';
import { isAppError } from '@/lib/server/errors/app-error';
import { clientAddress } from './client-address';

/** Sessions last 12 hours of inactivity at most; a reviewer signs in once a working day. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

class RateLimitedSignIn extends CredentialsSignin {
  code = 'rate_limited';
}

// The function form keeps `next build` from reading the environment or opening the database.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  trustHost: true,
  secret: env().AUTH_SECRET,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 60 * 60 },
  pages: { signIn: '/sign-in' },
  // A wrong password is an expected outcome, answered on the form: not a server error to log.
  logger: {
    error(error: Error) {
      if (error.name === 'CredentialsSignin' || error.name === 'RateLimitedSignIn') return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: 'Email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, request) {
        try {
          const user = await verifyCredentials(credentials, clientAddress(request.headers));
          return { id: user.id, email: user.email, name: user.name };
        } catch (error) {
          if (isAppError(error) && error.code === 'RATE_LIMITED') throw new RateLimitedSignIn();
          if (isAppError(error)) return null;
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
}));
