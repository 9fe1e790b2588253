-- Hand-written: Prisma's schema language cannot express triggers (the diff ignores them).
-- The audit trail is append-only: rows can be inserted, never changed or removed, whoever asks.
-- (TRUNCATE is left alone on purpose, so test suites can still empty the database.)

-- CreateFunction
CREATE OR REPLACE FUNCTION "audit_event_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only';
END;
$$;

-- CreateTrigger
CREATE TRIGGER "AuditEvent_append_only"
BEFORE UPDATE OR DELETE ON "AuditEvent"
FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();
