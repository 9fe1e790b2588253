import "server-only";
import { absoluteUrl } from "./app-url";

/** The absolute link an invitee opens: from APP_URL, whatever Host the request named. */
export function invitationLink(token: string): string {
  return absoluteUrl(`/invite/${encodeURIComponent(token)}`);
}

/** The absolute link for setting a new password. */
export function passwordResetLink(token: string): string {
  return absoluteUrl(`/reset-password/${encodeURIComponent(token)}`);
}
