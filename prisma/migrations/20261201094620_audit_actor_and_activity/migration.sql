-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "activityId" TEXT,
ADD COLUMN     "actorKind" TEXT NOT NULL DEFAULT 'user',
ADD COLUMN     "actorRef" TEXT;

-- CreateIndex
CREATE INDEX "AuditEvent_tenantId_activityId_createdAt_idx" ON "AuditEvent"("tenantId", "activityId", "createdAt");

-- Hand-written: fill the new columns for the events written before them. The audit trail is
-- append-only (a trigger refuses UPDATE); this one backfill of derived columns, which changes
-- nothing anyone wrote, runs with the trigger paused inside the migration's own transaction.
ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only";
UPDATE "AuditEvent" SET "actorKind" = 'anonymous' WHERE "actorId" IS NULL;
UPDATE "AuditEvent" SET "activityId" = "entityId" WHERE "entityType" = 'Activity';
UPDATE "AuditEvent"
SET "activityId" = COALESCE("after" ->> 'activityId', "before" ->> 'activityId')
WHERE "entityType" = 'Indicator' AND COALESCE("after" ->> 'activityId', "before" ->> 'activityId') IS NOT NULL;
ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only";
