// Just enough of the protobuf wire format to edit an ONNX graph's nodes, inputs and outputs while every other
// byte (weights, metadata, fields this file does not know) is carried over untouched.

/** One field of a message: its number, wire type, and its bytes as they were (the key included). */
export interface Field {
  no: number;
  wire: number;
  /** The whole field as encoded (key + value): written back as is when not edited. */
  raw: Uint8Array;
  /** Wire type 0: the value. */
  varint?: bigint;
  /** Wire type 2: the payload (a sub-message, a string, packed numbers). */
  payload?: Uint8Array;
}

function readVarint(buf: Uint8Array, at: number): [bigint, number] {
  let v = 0n;
  let shift = 0n;
  for (;;) {
    if (at >= buf.length) throw new Error('truncated varint');
    const b = buf[at++];
    v |= BigInt(b & 0x7f) << shift;
    if (!(b & 0x80)) return [v, at];
    shift += 7n;
    if (shift > 70n) throw new Error('varint too long');
  }
}

/** Splits a message into its fields, in order. Throws on bytes that are not a protobuf message. */
export function readFields(buf: Uint8Array): Field[] {
  const out: Field[] = [];
  let at = 0;
  while (at < buf.length) {
    const start = at;
    const [key, afterKey] = readVarint(buf, at);
    at = afterKey;
    const no = Number(key >> 3n);
    const wire = Number(key & 7n);
    const field: Partial<Field> = { no, wire };
    if (wire === 0) [field.varint, at] = readVarint(buf, at);
    else if (wire === 1) at += 8;
    else if (wire === 5) at += 4;
    else if (wire === 2) {
      const [len, afterLen] = readVarint(buf, at);
      const end = afterLen + Number(len);
      if (end > buf.length) throw new Error(`field ${no}: length ${len} runs past the end`);
      field.payload = buf.subarray(afterLen, end);
      at = end;
    } else throw new Error(`field ${no}: unsupported wire type ${wire}`);
    if (at > buf.length) throw new Error(`field ${no} runs past the end`);
    out.push({ ...(field as Field), raw: buf.subarray(start, at) });
  }
  return out;
}

export function varint(n: number | bigint): number[] {
  let v = BigInt(n);
  if (v < 0n) v += 1n << 64n; // int64 two's complement, as protobuf writes negative ints
  const out: number[] = [];
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) b |= 0x80;
    out.push(b);
  } while (v > 0n);
  return out;
}

const key = (no: number, wire: number) => varint((no << 3) | wire);

/** A length-delimited field (sub-message, string, bytes). */
export function lenField(no: number, payload: Uint8Array | number[]): Uint8Array {
  const p = payload instanceof Uint8Array ? payload : Uint8Array.from(payload);
  return concat([Uint8Array.from([...key(no, 2), ...varint(p.length)]), p]);
}

export const strField = (no: number, s: string) => lenField(no, new TextEncoder().encode(s));
export const intField = (no: number, n: number | bigint) => Uint8Array.from([...key(no, 0), ...varint(n)]);

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) (out.set(p, at), (at += p.length));
  return out;
}

export const text = (f: Field | undefined) => (f?.payload ? new TextDecoder().decode(f.payload) : '');
