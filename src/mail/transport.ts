// Where emails go: an SMTP server (SMTP_URL, through nodemailer), or, without one, files in the data directory with
// their links printed in the log outside production, so a newcomer can finish signing up locally.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createTransport, Transporter } from "nodemailer";
import type { Config } from "../config";
import type { Logger } from "../log";

export interface OutgoingEmail {
  id: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  kind: string;
}

export interface MailTransport {
  send(email: OutgoingEmail): Promise<void>;
}

class SmtpTransport implements MailTransport {
  private readonly transporter: Transporter;

  constructor(url: string) {
    // A connection per email: the worker sends one at a time, and nothing stays open between them.
    this.transporter = createTransport(url);
  }

  async send(e: OutgoingEmail): Promise<void> {
    await this.transporter.sendMail({ from: e.from, to: e.to, subject: e.subject, text: e.text });
  }
}

class FileTransport implements MailTransport {
  constructor(private readonly dir: string, private readonly log: Logger, private readonly printLinks: boolean) {}

  async send(e: OutgoingEmail): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    const file = join(this.dir, `${String(e.id).padStart(8, "0")}-${e.kind}.eml`);
    writeFileSync(file, `From: ${e.from}\nTo: ${e.to}\nSubject: ${e.subject}\nContent-Type: text/plain; charset=utf-8\n\n${e.text}`, { mode: 0o600 });
    const links = e.text.match(/https?:\/\/\S+/g) ?? [];
    this.log.info({ file, kind: e.kind, ...(this.printLinks ? { links } : {}) }, "email written to a file (no SMTP_URL)");
  }
}

const transports = new Map<string, MailTransport>();

/** The transport for this configuration, made once per process. */
export function transportFor(config: Config, log: Logger): MailTransport {
  const key = config.smtpUrl ?? `file:${config.dataDir}`;
  let t = transports.get(key);
  if (!t) {
    t = config.smtpUrl ? new SmtpTransport(config.smtpUrl) : new FileTransport(join(config.dataDir, "mail"), log, config.nodeEnv !== "production");
    transports.set(key, t);
  }
  return t;
}
