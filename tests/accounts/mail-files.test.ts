// Without SMTP_URL (a newcomer's machine), emails are written as files in the data directory and their links logged.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startTestApp, TestApp } from "../support/test-app";
import { capturedLog } from "../support/captured-log";

const dataDir = mkdtempSync(join(tmpdir(), "kith-mail-"));
const captured = capturedLog();
let app: TestApp;
beforeAll(async () => { app = await startTestApp({ KITH_DATA_DIR: dataDir, KITH_WORKERS: "true" }, { log: captured.log }); });
afterAll(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test("a sign-up's verification email lands in <data dir>/mail and its link is in the log", async () => {
  await app.post(`mutation { signUp(input: { email: "local.dev@example.org", password: "a local long passphrase", displayName: "Dev" }) { userErrors { code } } }`);
  const mailDir = join(dataDir, "mail");
  let files: string[] = [];
  for (let i = 0; i < 100 && !files.length; i++) {
    await new Promise((r) => setTimeout(r, 100));
    try { files = readdirSync(mailDir); } catch { /* not yet made */ }
  }
  expect(files).toHaveLength(1);
  const text = readFileSync(join(mailDir, files[0]), "utf8");
  expect(text).toContain("To: local.dev@example.org");
  const link = /http\S+verify-email\?token=\S+/.exec(text)![0];
  const line = captured.lines.find((l) => l.msg === "email written to a file (no SMTP_URL)");
  expect(line?.links).toEqual([link]);
});
