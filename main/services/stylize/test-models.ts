// Test support: tiny ONNX graphs written byte by byte (protobuf wire format), so the stylize tests need no model
// files and no Python. Only what the tests use: float tensors, Conv/Transpose/Neg/Identity nodes, int/ints attributes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function varint(n: number | bigint): number[] {
  let v = BigInt(n);
  const out: number[] = [];
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) b |= 0x80;
    out.push(b);
  } while (v > 0n);
  return out;
}
const key = (field: number, wire: number) => varint((field << 3) | wire);
const bytes = (field: number, data: Uint8Array | number[]) => [...key(field, 2), ...varint(data.length), ...data];
const str = (field: number, s: string) => bytes(field, [...Buffer.from(s, 'utf8')]);
const int = (field: number, n: number) => [...key(field, 0), ...varint(n)];

/** A dimension: a number, or a name for a free (symbolic) size. */
export type Dim = number | string;

function valueInfo(field: number, name: string, dims: Dim[]): number[] {
  const shape = dims.flatMap((d) => bytes(1, typeof d === 'number' ? int(1, d) : str(2, d)));
  const tensorType = [...int(1, 1 /* FLOAT */), ...bytes(2, shape)];
  return bytes(field, [...str(1, name), ...bytes(2, bytes(1, tensorType))]);
}

function initializer(name: string, dims: number[], values: number[]): number[] {
  const raw = new Uint8Array(new Float32Array(values).buffer);
  return bytes(5, [...dims.flatMap((d) => int(1, d)), ...int(2, 1), ...str(8, name), ...bytes(9, raw)]);
}

export interface NodeDef {
  op: string;
  inputs: string[];
  outputs: string[];
  ints?: Record<string, number[]>;
  int?: Record<string, number>;
}

function node(n: NodeDef, i: number): number[] {
  const attrs: number[] = [];
  for (const [name, values] of Object.entries(n.ints ?? {})) {
    attrs.push(...bytes(5, [...str(1, name), ...values.flatMap((v) => int(8, v)), ...int(20, 7 /* INTS */)]));
  }
  for (const [name, value] of Object.entries(n.int ?? {})) {
    attrs.push(...bytes(5, [...str(1, name), ...int(3, value), ...int(20, 2 /* INT */)]));
  }
  return bytes(1, [...n.inputs.flatMap((s) => str(1, s)), ...n.outputs.flatMap((s) => str(2, s)), ...str(3, `n${i}`), ...str(4, n.op), ...attrs]);
}

export interface GraphDef {
  inputs: { name: string; dims: Dim[] }[];
  outputs: { name: string; dims: Dim[] }[];
  nodes: NodeDef[];
  initializers?: { name: string; dims: number[]; values: number[] }[];
}

/** Serialises a graph as an ONNX model (IR 8, opset 13). */
export function onnxModel(g: GraphDef): Uint8Array {
  const graph = [
    ...g.nodes.flatMap(node),
    ...str(2, 'test'),
    ...(g.initializers ?? []).flatMap((t) => initializer(t.name, t.dims, t.values)),
    ...g.inputs.flatMap((v) => valueInfo(11, v.name, v.dims)),
    ...g.outputs.flatMap((v) => valueInfo(12, v.name, v.dims)),
  ];
  const opset = bytes(8, [...str(1, ''), ...int(2, 13)]);
  return new Uint8Array([...int(1, 8), ...str(2, 'your-cartoon-tests'), ...bytes(7, graph), ...opset]);
}

const DIR = join(tmpdir(), 'your-cartoon-stylize-models');

export function writeModel(name: string, g: GraphDef): string {
  mkdirSync(DIR, { recursive: true });
  const file = join(DIR, `${process.pid}-${name}.onnx`);
  writeFileSync(file, onnxModel(g));
  return file;
}

/**
 * NHWC [1,H,W,3] → NHWC, every output channel = input channel 0 (1×1 conv between transposes). Fed BGR, the
 * output is the picture's blue channel in grey, which proves the channel order is honoured both ways.
 */
export function firstChannelModel(): string {
  return writeModel('first-channel', {
    inputs: [{ name: 'x', dims: [1, 'h', 'w', 3] }],
    outputs: [{ name: 'y', dims: [1, 'h', 'w', 3] }],
    initializers: [{ name: 'k', dims: [3, 3, 1, 1], values: [1, 0, 0, 1, 0, 0, 1, 0, 0] }],
    nodes: [
      { op: 'Transpose', inputs: ['x'], outputs: ['xc'], ints: { perm: [0, 3, 1, 2] } },
      { op: 'Conv', inputs: ['xc', 'k'], outputs: ['yc'] },
      { op: 'Transpose', inputs: ['yc'], outputs: ['y'], ints: { perm: [0, 2, 3, 1] } },
    ],
  });
}

/** NCHW [1,3,H,W]: a 3×3 box blur per channel (zero padded), then Neg: local, so tiles can be checked. */
export function blurNegateModel(): string {
  const k: number[] = [];
  for (let o = 0; o < 3; o++) for (let i = 0; i < 3; i++) for (let j = 0; j < 9; j++) k.push(o === i ? 1 / 9 : 0);
  return writeModel('blur-negate', {
    inputs: [{ name: 'image', dims: [1, 3, 'h', 'w'] }],
    outputs: [{ name: 'out', dims: [1, 3, 'h', 'w'] }],
    initializers: [{ name: 'k', dims: [3, 3, 3, 3], values: k }],
    nodes: [
      { op: 'Conv', inputs: ['image', 'k'], outputs: ['b'], ints: { pads: [1, 1, 1, 1] } },
      { op: 'Neg', inputs: ['b'], outputs: ['out'] },
    ],
  });
}

/**
 * NCHW, a stack of `layers` 3×3 convs with `width` channels: enough arithmetic to take a measurable time on a
 * large image (the event-loop and cancellation tests). Weights are small so values stay finite.
 */
export function heavyModel(width = 32, layers = 4): string {
  const inits: GraphDef['initializers'] = [];
  const nodes: NodeDef[] = [];
  let prev = 'image';
  let inC = 3;
  for (let l = 0; l < layers; l++) {
    const outC = l === layers - 1 ? 3 : width;
    const values = Array.from({ length: outC * inC * 9 }, (_, i) => (((i * 7919) % 13) - 6) / (inC * 9 * 6));
    inits.push({ name: `k${l}`, dims: [outC, inC, 3, 3], values });
    const out = l === layers - 1 ? 'out' : `h${l}`;
    nodes.push({ op: 'Conv', inputs: [prev, `k${l}`], outputs: [out], ints: { pads: [1, 1, 1, 1] } });
    prev = out;
    inC = outC;
  }
  return writeModel(`heavy-${width}-${layers}`, {
    inputs: [{ name: 'image', dims: [1, 3, 'h', 'w'] }],
    outputs: [{ name: 'out', dims: [1, 3, 'h', 'w'] }],
    initializers: inits,
    nodes,
  });
}

/** Fixed 32×32 NHWC segmenter with 2 classes: logits [0, 8·red]: class 1 wherever red is above mid-grey. */
export function redSegmenterModel(): string {
  return writeModel('red-segmenter', {
    inputs: [{ name: 'px', dims: [1, 32, 32, 3] }],
    outputs: [{ name: 'logits', dims: [1, 32, 32, 2] }],
    initializers: [{ name: 'k', dims: [2, 3, 1, 1], values: [0, 0, 0, 8, 0, 0] }],
    nodes: [
      { op: 'Transpose', inputs: ['px'], outputs: ['pc'], ints: { perm: [0, 3, 1, 2] } },
      { op: 'Conv', inputs: ['pc', 'k'], outputs: ['lc'] },
      { op: 'Transpose', inputs: ['lc'], outputs: ['logits'], ints: { perm: [0, 2, 3, 1] } },
    ],
  });
}

/** A graph with two image inputs: a spec that feeds one must be refused. */
export function twoInputModel(): string {
  return writeModel('two-inputs', {
    inputs: [
      { name: 'image', dims: [1, 3, 'h', 'w'] },
      { name: 'style', dims: [1, 3, 'h', 'w'] },
    ],
    outputs: [{ name: 'out', dims: [1, 3, 'h', 'w'] }],
    nodes: [{ op: 'Add', inputs: ['image', 'style'], outputs: ['out'] }],
  });
}
