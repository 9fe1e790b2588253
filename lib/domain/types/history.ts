// The history of one activity as the activity page renders it, returned by lib/data/history.
// Pure types, so components import them from here and never reach into the data layer.

export type HistoryValue = string | number | boolean | null | HistoryValue[] | { [key: string]: HistoryValue };
export interface HistoryChange {
  field: string;
  from: HistoryValue;
  to: HistoryValue;
}
export interface HistoryEvent {
  id: string;
  at: Date;
  action: string;
  entityType: string;
  entityId: string;
  /** null: done by the system (seed, migration). */
  actorName: string | null;
  /** What the event is about when it is not the activity itself: the indicator's name. */
  subject: string | null;
  reason: string | null;
  changes: HistoryChange[];
}
export interface History {
  events: HistoryEvent[];
  hasMore: boolean;
}
