import "server-only";
// Invitations: made and managed by a tenant's administrators, used once by their link.
export {
  createInvitation,
  hashToken,
  issueInvitation,
  listPendingInvitations,
  revokeInvitation,
  type InviteInput,
  type PendingInvitation,
} from "./manage";
export { unsafeAcceptInvitation, unsafeFindInvitation, type InvitationView } from "./by-token";
