import type { DemoContext } from "../../kith-module";
export async function loadDemoDecisions(_: DemoContext): Promise<void> {}
