// A real SMTP server in this test process (smtp-server on 127.0.0.1): kith's mail worker sends to it, tests read what arrives.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedEmail {
  to: string[];
  subject: string;
  text: string;
  /** Links in the text. */
  links: string[];
}

export interface Mailbox {
  url: string;
  received: ReceivedEmail[];
  /** Waits for the next email to `to` not yet taken (matching `subject` when given), then takes it. */
  next(to: string, subject?: RegExp, timeoutMs?: number): Promise<ReceivedEmail>;
  /** The token of the first link of the next email to `to`. */
  nextToken(to: string, subject?: RegExp): Promise<string>;
  close(): Promise<void>;
}

function decodeQuotedPrintable(s: string): string {
  return s.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
}

function parse(raw: string, to: string[]): ReceivedEmail {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  let body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, "im").exec(head)?.[1] ?? "";
  if (/quoted-printable/i.test(header("Content-Transfer-Encoding"))) body = decodeQuotedPrintable(body);
  if (/base64/i.test(header("Content-Transfer-Encoding"))) body = Buffer.from(body, "base64").toString("utf8");
  return { to, subject: header("Subject"), text: body, links: body.match(/https?:\/\/\S+/g) ?? [] };
}

export async function startMailbox(): Promise<Mailbox> {
  const received: ReceivedEmail[] = [];
  const taken = new Set<ReceivedEmail>();
  const server = new SMTPServer({
    secure: false, authOptional: true, disabledCommands: ["STARTTLS", "AUTH"], logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push(parse(Buffer.concat(chunks).toString("utf8"), session.envelope.rcptTo.map((r) => r.address.toLowerCase())));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  const box: Mailbox = {
    url: `smtp://127.0.0.1:${port}`,
    received,
    async next(to, subject, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const found = received.find((e) => !taken.has(e) && e.to.includes(to.toLowerCase()) && (!subject || subject.test(e.subject)));
        if (found) {
          taken.add(found);
          return found;
        }
        if (Date.now() > until) throw new Error(`no email to ${to} arrived`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async nextToken(to, subject) {
      const email = await box.next(to, subject);
      const link = email.links.find((l) => l.includes("token="));
      if (!link) throw new Error("the email has no link with a token");
      return decodeURIComponent(new URL(link).searchParams.get("token")!);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return box;
}
