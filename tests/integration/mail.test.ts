// A real SMTP exchange: an SMTP server (smtp-server) on 127.0.0.1, SMTP_URL pointing at it, the
// daily digest sent by the job runner's sender through nodemailer, and the message as received,
// parsed (mailparser): its subject, its recipient, and its links built from APP_URL.
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { unsafeRunDailyJob } from "@/lib/data/jobs";
import { parseIsoDay } from "@/lib/domain/day";
import { sendPendingMail } from "@/lib/jobs/sender";
import { reportingWorld } from "../factories/reporting";

const received: { envelopeTo: string[]; mail: ParsedMail }[] = [];
let server: SMTPServer;
const saved = { SMTP_URL: process.env.SMTP_URL, APP_URL: process.env.APP_URL, MAIL_FROM: process.env.MAIL_FROM };

beforeAll(async () => {
  server = new SMTPServer({
    // Its bundled certificate has expired: plain SMTP on the loopback.
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.APP_URL = "https://nap.example.test";
  process.env.MAIL_FROM = "NAP Tracker <no-reply@nap.example.test>";
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe("mail through SMTP", () => {
  it("sends each digest once, to its person, with links to the app from APP_URL", async () => {
    const w = await reportingWorld();
    const tenantIds = [w.a.tenant.id, w.b.tenant.id];
    await unsafeRunDailyJob(parseIsoDay("2026-06-16"), {
      job: `test-mail-${randomBytes(4).toString("hex")}`,
      now: new Date("2026-06-16T06:00:00Z"),
      tenantIds,
    });
    const result = await sendPendingMail({ tenantIds });
    expect(result).toEqual({ sent: 2, retried: 0, failed: 0 });
    expect(received).toHaveLength(2);

    const toFocal = received.find((r) => r.envelopeTo.includes(w.a.focal.email));
    expect(toFocal).toBeDefined();
    const mail = toFocal!.mail;
    expect(mail.subject).toBe(`NAP Tracker: 1 new notification (${w.a.tenant.name.en})`);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value.map((a) => a.address) : []).toEqual([w.a.focal.email]);
    expect(mail.from?.value[0]?.address).toBe("no-reply@nap.example.test");
    const text = mail.text ?? "";
    expect(text).toContain("Reporting for Q2 2026 is open");
    const db = await getDb();
    const [notification] = await db.notification.findMany({
      where: { userId: w.a.focal.id, tenantId: w.a.tenant.id },
      select: { id: true },
    });
    expect(text).toContain(`https://nap.example.test/${w.a.tenant.slug}/notifications/${notification.id}`);
    expect(text).toContain(`https://nap.example.test/${w.a.tenant.slug}/notifications\n`);
    // Nothing secret and no sign-in token travels in it.
    expect(text).not.toMatch(/token|password/i);

    const rows = await db.outboxMessage.findMany({
      where: { tenantId: w.a.tenant.id },
      select: { status: true, sentAt: true, attempts: true },
    });
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([
      ["SENT", 1],
      ["SENT", 1],
    ]);
    // A second pass sends nothing more.
    expect(await sendPendingMail({ tenantIds })).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(received).toHaveLength(2);
  });
});
