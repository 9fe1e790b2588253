import "server-only";
// Mail goes out through nodemailer when SMTP_URL is set ("smtp://user:pass@host:587",
// "smtps://..." for TLS from the start); MAIL_FROM names the sender. Without SMTP_URL there is no
// transport and messages stay in the outbox, readable by tenant administrators in the app.
import nodemailer from "nodemailer";
import { appUrl } from "@/lib/server/app-url";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export type SendMail = (mail: Mail) => Promise<void>;

export const mailConfigured = () => Boolean(process.env.SMTP_URL?.trim());

/** The sender address: MAIL_FROM, else no-reply at APP_URL's host. */
export function mailFrom(): string {
  return process.env.MAIL_FROM?.trim() || `NAP Tracker <no-reply@${appUrl().hostname}>`;
}

/** A function that sends one message through SMTP_URL, or null when no mail server is set. */
export function smtpSender(): SendMail | null {
  const url = process.env.SMTP_URL?.trim();
  if (!url) return null;
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  const from = mailFrom();
  return async (mail) => {
    await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
  };
}

/**
 * What may be stored and logged about a failed send: the error's code and message, without the
 * SMTP URL's user name or password should a server echo them, and cut short.
 */
export function safeMailError(error: unknown): string {
  const e = (error ?? {}) as { code?: unknown; responseCode?: unknown; message?: unknown };
  let text = [
    typeof e.code === "string" ? e.code : null,
    typeof e.responseCode === "number" ? String(e.responseCode) : null,
    typeof e.message === "string" ? e.message : "send failed",
  ]
    .filter(Boolean)
    .join(" ");
  const url = process.env.SMTP_URL?.trim();
  if (url) {
    try {
      const parsed = new URL(url);
      for (const secret of [parsed.password, decodeURIComponent(parsed.password), parsed.username]) {
        if (secret && secret.length > 2) text = text.split(secret).join("***");
      }
    } catch {
      // not a URL: nothing to strip
    }
    text = text.split(url).join("***");
  }
  return text.replace(/\s+/g, " ").slice(0, 300);
}
