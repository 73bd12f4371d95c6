// Extension points: a module offers one (e.g. organisations' directory filters) and later modules contribute to it in
// their KithModule declaration. Contributions are installed from the one module list at start-up, never by import.

export interface Contribution {
  readonly point: ExtensionPoint<unknown>;
  readonly value: unknown;
}

export class ExtensionPoint<T> {
  private readonly installed: T[] = [];

  /** `onInstall` runs once per contribution, before the schema is built (e.g. to add an input field). */
  constructor(readonly name: string, private readonly onInstall?: (value: T) => void) {}

  /** What a module lists in its `contributes`. */
  provide(value: T): Contribution {
    return { point: this as ExtensionPoint<unknown>, value };
  }

  install(value: T): void {
    if (this.installed.includes(value)) return;
    this.installed.push(value);
    this.onInstall?.(value);
  }

  /** Every contribution installed, in module order. */
  values(): readonly T[] {
    return this.installed;
  }
}

/** Installs every module's contributions; safe to call again with the same list. */
export function installContributions(modules: { contributes?: Contribution[] }[]): void {
  for (const m of modules) for (const c of m.contributes ?? []) c.point.install(c.value);
}
