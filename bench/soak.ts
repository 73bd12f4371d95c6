// `--soak MINUTES`: one workload against kith alone for a long run, its RSS sampled as it goes, to see whether
// memory stays flat under steady load (issue 11's "RSS flat over a 10-minute run").
import { LoadTarget, runLoad } from "./load";
import { memory } from "./proc-stats";

const SAMPLE_SECONDS = 30;

export interface SoakSample {
  minute: number;
  rssMb: number | null;
  rps: number;
  failed: number;
}

/** Loads `target` for `minutes` in back-to-back slices, reading the server's RSS after each. */
export async function soak(pid: number, target: LoadTarget, connections: number, minutes: number, say: (line: string) => void): Promise<SoakSample[]> {
  const samples: SoakSample[] = [];
  const slices = Math.max(1, Math.round((minutes * 60) / SAMPLE_SECONDS));
  for (let i = 1; i <= slices; i++) {
    const r = await runLoad(target, connections, SAMPLE_SECONDS * 1000);
    const rss = memory(pid)?.rss ?? null;
    const sample = { minute: (i * SAMPLE_SECONDS) / 60, rssMb: rss === null ? null : rss / 1024 / 1024, rps: r.completed / r.seconds, failed: r.failed };
    samples.push(sample);
    say(`  soak ${sample.minute.toFixed(1)} min: RSS ${sample.rssMb?.toFixed(1) ?? "n/a"} MB, ${sample.rps.toFixed(1)} req/s${r.failed ? `, ${r.failed} failed` : ""}`);
  }
  return samples;
}

/** The samples as a Markdown section: first, last and largest RSS, and each sample. */
export function soakSection(workload: string, samples: SoakSample[]): string[] {
  const known = samples.filter((s) => s.rssMb !== null).map((s) => s.rssMb!);
  const summary = known.length
    ? `RSS ${known[0].toFixed(1)} MB after the first ${SAMPLE_SECONDS} s, ${known[known.length - 1].toFixed(1)} MB at the end, at most ${Math.max(...known).toFixed(1)} MB.`
    : "RSS could not be read.";
  return [
    `## kith soak: ${workload}`,
    "",
    `${(samples.length * SAMPLE_SECONDS / 60).toFixed(1)} minutes of steady load on kith alone after the comparison. ${summary}`,
    "",
    "| minute | RSS MB | req/s | failed |",
    "| ---: | ---: | ---: | ---: |",
    ...samples.map((s) => `| ${s.minute.toFixed(1)} | ${s.rssMb?.toFixed(1) ?? "n/a"} | ${s.rps.toFixed(1)} | ${s.failed} |`),
    "",
  ];
}
