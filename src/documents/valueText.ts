// A value the user typed, as an error message quotes it. String() is not enough: an
// object such as {"toString": ""} makes it throw, and others read "[object Object]".
export function valueText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}
