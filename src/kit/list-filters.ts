// The one meaning of a list in a filter, for every list of every module: left out (or null), it filters nothing;
// given, it matches rows with any of its values, so an empty list matches nothing ("any of none").
import type { ObjectLiteral, WhereExpressionBuilder } from "typeorm";

/**
 * Adds `condition` (which reads the list through `params`) when `values` is given; `false` when it is empty.
 * Returns whether it filtered.
 */
export function whereAnyOf(qb: WhereExpressionBuilder, values: readonly unknown[] | null | undefined, condition: string, params: ObjectLiteral): boolean {
  if (values === null || values === undefined) return false;
  qb.andWhere(values.length ? condition : "false", values.length ? params : {});
  return true;
}
