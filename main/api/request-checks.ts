import { RequestError } from './error-info';

/** Arguments arrive from the renderer as JSON: check their shape before any service sees them. */
export function requireObject(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new RequestError('BAD_REQUEST', `${what}: expected an object, got ${JSON.stringify(value) ?? typeof value}`);
  }
  return value as Record<string, unknown>;
}

export function requireString(value: unknown, what: string): string {
  if (typeof value !== 'string' || !value.trim()) throw new RequestError('BAD_REQUEST', `${what}: expected a non-empty string`);
  return value;
}

export function optionalString(value: unknown, what: string): string | undefined {
  return value === undefined || value === null ? undefined : requireString(value, what);
}

export function requireStrings(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || !value.length) throw new RequestError('BAD_REQUEST', `${what}: expected a list of paths`);
  return value.map((v, i) => requireString(v, `${what}[${i}]`));
}
