import type { ActivityStatus } from "@/lib/domain/enums";

/**
 * Chart fills per activity status, each at least 3:1 against white (WCAG 1.4.11) and apart in
 * lightness; every chart names the statuses in its legend and the table beside it.
 */
export const STATUS_FILLS: Record<ActivityStatus, string> = {
  NOT_STARTED: "#64748b",
  IN_PROGRESS: "#2563eb",
  COMPLETED: "#15803d",
  DELAYED: "#b45309",
  CANCELLED: "#1e293b",
};
