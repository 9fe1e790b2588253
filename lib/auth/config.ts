// next-auth v5: email + password, JWT sessions. The token carries only the user id and the
// session version; who the person is and where they belong is read from the database on each
// request (lib/auth/session.ts), so role changes and "sign out everywhere" apply at once.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { unsafeVerifyCredentials } from "@/lib/data/users";
import { SignInSchema } from "@/lib/validation/auth";

class ThrottledSignIn extends CredentialsSignin {
  constructor(retryAfterSeconds: number) {
    super();
    this.code = `throttled:${retryAfterSeconds}`;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  secret: process.env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw) {
        const parsed = SignInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const result = await unsafeVerifyCredentials(parsed.data.email, parsed.data.password);
        if (result.ok) return { id: result.user.id, email: result.user.email, name: result.user.name, sessionVersion: result.user.sessionVersion };
        if (result.reason === "throttled") throw new ThrottledSignIn(result.retryAfterSeconds);
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: token.sub, sv: token.sv };
    },
  },
});

declare module "next-auth" {
  interface Session {
    userId?: string;
    sv?: number;
  }
}
declare module "@auth/core/jwt" {
  interface JWT {
    sv?: number;
  }
}
