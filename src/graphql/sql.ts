// SQL fragments with their parameters, composed safely: values never enter the text; each fragment numbers its
// placeholders only when the whole statement is assembled.

const PLACEHOLDER = "\u0000?";

export class Sql {
  private constructor(readonly text: string, readonly values: readonly unknown[]) {}

  /** A tagged template: `sql\`a.id = ${id}\`` binds `id`; an interpolated Sql is spliced in with its own values. */
  static tag(strings: TemplateStringsArray, ...args: unknown[]): Sql {
    let text = strings[0];
    const values: unknown[] = [];
    args.forEach((arg, i) => {
      if (arg instanceof Sql) {
        text += arg.text;
        values.push(...arg.values);
      } else {
        text += PLACEHOLDER;
        values.push(arg);
      }
      text += strings[i + 1];
    });
    return new Sql(text, values);
  }

  /** Trusted text (identifiers, fixed expressions written in code): never anything a client sent. */
  static raw(text: string): Sql {
    return new Sql(text, []);
  }

  static join(parts: Sql[], separator: string): Sql {
    return new Sql(parts.map((p) => p.text).join(separator), parts.flatMap((p) => p.values));
  }

  /** `$1, $2, ...` numbered from `first`, for pg and TypeORM's `query(text, values)`. */
  toQuery(first = 1): { text: string; values: unknown[] } {
    let n = first - 1;
    return { text: this.text.split(PLACEHOLDER).reduce((acc, part, i) => (i === 0 ? part : `${acc}$${++n}${part}`), ""), values: [...this.values] };
  }

  /** `:prefix0, :prefix1, ...` for a TypeORM query builder (`addSelect(text)` with `setParameters(params)`). */
  toNamed(prefix: string): { text: string; params: Record<string, unknown> } {
    const params: Record<string, unknown> = {};
    let n = 0;
    const text = this.text.split(PLACEHOLDER).reduce((acc, part, i) => {
      if (i === 0) return part;
      const name = `${prefix}${n}`;
      params[name] = this.values[n++];
      return `${acc}:${name}${part}`;
    }, "");
    return { text, params };
  }
}

export const sql = Sql.tag;
