// The X-Fields mask syntax of flask-restx (mask.py), which udata's API uses:
// `a,b,c{d,e},*`. A name the object does not have is left out of the answer; braces on
// a field that is not nested make the request fail (400, "Mask error").
// (The stand-in's rendered objects stand for udata's api_fields models: a model field
// with no value is rendered as null, and so comes back as null.)

export type Mask = Map<string, Mask | true>;

export class MaskParseError extends Error {}

/** Braces on a field whose value is not an object or a list of objects. */
export class MaskInconsistentError extends Error {}

export function parseMask(text: string): Mask {
  let position = 0;
  const source = text.replace(/\s+/g, '');
  function parseLevel(nested: boolean): Mask {
    const mask: Mask = new Map();
    let name = '';
    while (position < source.length) {
      const char = source[position++];
      if (char === ',') {
        if (name) mask.set(name, true);
        name = '';
      } else if (char === '{') {
        if (!name) throw new MaskParseError('Unexpected opening bracket');
        mask.set(name, parseLevel(true));
        name = '';
      } else if (char === '}') {
        if (!nested) throw new MaskParseError('Unexpected closing bracket');
        if (name) mask.set(name, true);
        return mask;
      } else {
        name += char;
      }
    }
    if (nested) throw new MaskParseError('Missing closing bracket');
    if (name) mask.set(name, true);
    return mask;
  }
  const mask = parseLevel(false);
  if (!mask.size) throw new MaskParseError('Empty mask');
  return mask;
}

export function applyMask(value: unknown, mask: Mask): unknown {
  if (Array.isArray(value)) return value.map((item) => applyMask(item, mask));
  if (!value || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  if (mask.has('*')) {
    const all: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(source)) {
      const sub = mask.get(key);
      all[key] = sub && sub !== true ? applyMask(inner, sub) : inner;
    }
    return all;
  }
  const result: Record<string, unknown> = {};
  for (const [key, sub] of mask) {
    if (!Object.prototype.hasOwnProperty.call(source, key)) continue;
    const inner = source[key];
    if (sub !== true && inner !== null && typeof inner !== 'object') throw new MaskInconsistentError(`"${key}" is not a nested field`);
    result[key] = sub === true || inner === null ? inner : applyMask(inner, sub);
  }
  return result;
}
