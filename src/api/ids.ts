// data.gouv.fr addresses objects by MongoDB ObjectIds: 24 hexadecimal characters.
// Slugs change with titles; ids do not.

/** The pattern of an id, as a JSON schema `pattern`. */
export const OBJECT_ID_PATTERN = '^[0-9a-f]{24}$';

const OBJECT_ID = /^[0-9a-f]{24}$/i;

export function isObjectId(value: string): boolean {
  return OBJECT_ID.test(value);
}

/** Resources are addressed by UUIDs (udata/core/dataset/models.py, `Resource.id`). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isResourceId(value: string): boolean {
  return UUID.test(value);
}
