// next-auth v5: email + password, JWT sessions. The token carries only the user id and the id of
// a stored session (lib/data/sessions.ts); each request checks that session and reads the person
// afresh (lib/auth/session.ts), so signing out, "sign out everywhere", a password change and
// disabling a person end sessions at once, on the server.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { unsafeVerifyCredentials } from "@/lib/data/users";
import { unsafeEndSession, unsafeStartSession } from "@/lib/data/sessions";
import { sessionPolicy } from "@/lib/domain/session-policy";
import { clientInfoFrom } from "@/lib/server/client-info";
import { SignInSchema } from "@/lib/validation/auth";

/** An expected refusal, carried to the sign-in action by its code (never a stack trace in the log). */
class RefusedSignIn extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
    this.stack = undefined;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  secret: process.env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: Math.round(sessionPolicy().maxMs / 1000) },
  pages: { signIn: "/sign-in" },
  // Refused sign-ins are expected: next-auth would log each with a stack trace.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error("[auth]", error.name, error.message);
    },
    warn() {},
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = SignInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const client = clientInfoFrom(request.headers);
        const result = await unsafeVerifyCredentials(parsed.data.email, parsed.data.password, new Date(), client);
        if (result.ok) {
          const sid = await unsafeStartSession(result.user.id, client);
          return { id: result.user.id, email: result.user.email, name: result.user.name, sid };
        }
        if (result.reason === "throttled")
          throw new RefusedSignIn(`throttled:${result.scope}:${result.retryAfterSeconds}`);
        if (result.reason === "disabled") throw new RefusedSignIn("disabled");
        return null;
      },
    }),
  ],
  events: {
    // next-auth's own /api/auth/signout clears the cookie; the stored session must end as well
    // (signOutAction ends it first; a second end changes nothing).
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (sid) await unsafeEndSession(sid, "signOut");
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sid = (user as { sid?: string }).sid;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: token.sub, sid: token.sid };
    },
  },
});

declare module "next-auth" {
  interface Session {
    userId?: string;
    sid?: string;
  }
}
declare module "@auth/core/jwt" {
  interface JWT {
    sid?: string;
  }
}
