// A lookup between two lists in the same order, used where a switch or an object keyed by
// name would write every name again (enum labels, icons, type messages).
/**
 * What stands at the index of `value` in `values`, undefined for any other value. The
 * names and what they map to are two lists in the same order (the lengths are checked
 * by the type) rather than an object keyed by name: each name is then written once in
 * the bundle (REUSE_TYPES… are those of api/models.ts), and an inherited key such as
 * `constructor` cannot match.
 */
export function byValue<Values extends readonly string[]>(
  value: string | null | undefined,
  values: Values,
  mapped: { readonly [Index in keyof Values]: string },
): string | undefined {
  return (mapped as readonly string[])[(values as readonly unknown[]).indexOf(value)];
}
