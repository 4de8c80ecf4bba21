// Two graphs from one model whose instance normalisation looks at the whole picture (CartoonGAN): a "stats" graph
// that also outputs every InstanceNormalization layer's per-channel mean and variance, and an "apply" graph in which
// each of those layers takes its mean and variance as inputs (a BatchNormalization, which is exactly
// (x - mean) / sqrt(var + eps) * scale + bias with given statistics). The stats graph runs once on the whole
// picture (or a smaller copy of it), the apply graph on every tile with those statistics: the tiles are then
// normalised as the whole frame is, and no tone step appears at their seams. Everything else (the weights and
// their float16 storage, metadata) is carried over byte for byte; nothing is written to disk.
import { concat, intField, lenField, readFields, strField, text, type Field } from './onnx-proto';

/** The statistics tensors of one normalisation layer, by name in both graphs. */
export interface NormLayer {
  /** The normalised tensor (the layer's input) in the original graph. */
  input: string;
  mean: string;
  variance: string;
}

export interface SplitGraphs {
  /** The model plus outputs `mean`/`variance` of each layer ([N, C, 1, 1]); the original output still there. */
  stats: Uint8Array;
  /** The model with inputs `mean`/`variance` of each layer ([C]) instead of computing them. */
  apply: Uint8Array;
  /**
   * The apply graph plus, for each layer, the sum and the sum of squares of its input minus the given mean over a box of the tile
   * (input CORE_INPUT: int64 [y0, x0, y1, x1] in input pixels, scaled to each layer's resolution), and the box's
   * shape there: tiles that together cover the picture once give the full-size statistics.
   */
  refine: Uint8Array;
  layers: NormLayer[];
}

export const CORE_INPUT = '__yci_core';
/** Names of one layer's partial sums in the refine graph. */
export const partialNames = (k: number) => ({ sum: `__yci_in${k}_sum`, squares: `__yci_in${k}_sumsq`, shape: `__yci_in${k}_coreshape` });

const MODEL_GRAPH = 7;
const MODEL_OPSET = 8;
const GRAPH_NODE = 1;
const GRAPH_INITIALIZER = 5;
const GRAPH_INPUT = 11;
const GRAPH_OUTPUT = 12;
const NODE_INPUT = 1;
const NODE_OUTPUT = 2;
const NODE_NAME = 3;
const NODE_OP = 4;
const NODE_ATTRIBUTE = 5;
const NODE_DOMAIN = 7;
const FLOAT = 1;
const INT64 = 7;

interface Node {
  field: Field;
  op: string;
  domain: string;
  inputs: string[];
  outputs: string[];
  attributes: Uint8Array[];
}

function parseNode(field: Field): Node {
  const fs = readFields(field.payload!);
  return {
    field,
    op: text(fs.find((f) => f.no === NODE_OP)),
    domain: text(fs.find((f) => f.no === NODE_DOMAIN)),
    inputs: fs.filter((f) => f.no === NODE_INPUT).map(text),
    outputs: fs.filter((f) => f.no === NODE_OUTPUT).map(text),
    attributes: fs.filter((f) => f.no === NODE_ATTRIBUTE).map((f) => f.raw),
  };
}

function node(op: string, inputs: string[], outputs: string[], name: string, attributes: Uint8Array[] = []): Uint8Array {
  return lenField(GRAPH_NODE, concat([
    ...inputs.map((s) => strField(NODE_INPUT, s)),
    ...outputs.map((s) => strField(NODE_OUTPUT, s)),
    strField(NODE_NAME, name),
    strField(NODE_OP, op),
    ...attributes,
  ]));
}

/** AttributeProto of repeated int64 (type INTS). */
const intsAttribute = (name: string, values: number[]) =>
  lenField(NODE_ATTRIBUTE, concat([strField(1, name), ...values.map((v) => intField(8, v)), intField(20, 7)]));
const intAttribute = (name: string, value: number) => lenField(NODE_ATTRIBUTE, concat([strField(1, name), intField(3, value), intField(20, 2)]));

/** ValueInfoProto of a float tensor; dims are numbers (fixed) or names (free). */
function valueInfo(no: number, name: string, dims: Array<number | string>): Uint8Array {
  const shape = concat(dims.map((d) => lenField(1, typeof d === 'number' ? intField(1, d) : strField(2, d))));
  const tensor = concat([intField(1, FLOAT), lenField(2, shape)]);
  return lenField(no, concat([strField(1, name), lenField(2, lenField(1, tensor))]));
}

/** ValueInfoProto of an int64 tensor of fixed dims. */
function int64ValueInfo(no: number, name: string, dims: number[]): Uint8Array {
  const shape = concat(dims.map((d) => lenField(1, intField(1, d))));
  const tensor = concat([intField(1, INT64), lenField(2, shape)]);
  return lenField(no, concat([strField(1, name), lenField(2, lenField(1, tensor))]));
}

/** The name of the graph's first input that is not an initializer (the picture). */
function inputName(graph: Field[]): string {
  const inits = new Set(graph.filter((f) => f.no === GRAPH_INITIALIZER).map((f) => text(readFields(f.payload!).find((x) => x.no === 8))));
  for (const f of graph.filter((x) => x.no === GRAPH_INPUT)) {
    const name = text(readFields(f.payload!).find((x) => x.no === 1));
    if (!inits.has(name)) return name;
  }
  throw new Error('the graph has no input');
}

/** An int64 initializer (TensorProto: dims, data_type, name, raw_data). */
function int64Initializer(name: string, values: number[]): Uint8Array {
  const raw = new Uint8Array(new BigInt64Array(values.map(BigInt)).buffer);
  return lenField(GRAPH_INITIALIZER, concat([intField(1, values.length), intField(2, INT64), strField(8, name), lenField(9, raw)]));
}

/** The default ("ai.onnx") opset the model imports. */
function defaultOpset(fields: Field[]): number {
  for (const f of fields.filter((x) => x.no === MODEL_OPSET)) {
    const fs = readFields(f.payload!);
    const domain = text(fs.find((x) => x.no === 1));
    if (domain === '' || domain === 'ai.onnx') return Number(fs.find((x) => x.no === 2)?.varint ?? 0n);
  }
  return 0;
}

function rebuild(fields: Field[], replace: Map<Field, Uint8Array>): Uint8Array {
  return concat(fields.map((f) => replace.get(f) ?? f.raw));
}

/** Whether a model has instance normalisation layers (so its tiles need the whole picture's statistics). */
export function countInstanceNorms(model: Uint8Array): number {
  const graph = readFields(model).find((f) => f.no === MODEL_GRAPH);
  if (!graph?.payload) return 0;
  return readFields(graph.payload).filter((f) => f.no === GRAPH_NODE && ['InstanceNormalization'].includes(parseNode(f).op)).length;
}

/**
 * Splits `model` (the bytes of an .onnx file) into the stats and apply graphs. Throws when the file is not an ONNX
 * model or has no InstanceNormalization layer.
 */
export function splitInstanceNorm(model: Uint8Array): SplitGraphs {
  const top = readFields(model);
  const graphField = top.find((f) => f.no === MODEL_GRAPH);
  if (!graphField?.payload) throw new Error('not an ONNX model (no graph)');
  const opset = defaultOpset(top);
  const graph = readFields(graphField.payload);
  const norms = graph
    .filter((f) => f.no === GRAPH_NODE)
    .map(parseNode)
    .filter((n) => n.op === 'InstanceNormalization' && (n.domain === '' || n.domain === 'ai.onnx'));
  if (!norms.length) throw new Error('the model has no InstanceNormalization layer');
  const layers: NormLayer[] = norms.map((n, k) => ({ input: n.inputs[0], mean: `__yci_in${k}_mean`, variance: `__yci_in${k}_var` }));

  // Stats: ReduceMean over H and W of x and of (x - mean)^2 (the biased variance IN uses), as extra outputs.
  // Opset 18 moved ReduceMean's axes from an attribute to an input.
  const axesAsInput = opset >= 18;
  const reduce = (x: string, out: string, name: string) =>
    node('ReduceMean', axesAsInput ? [x, '__yci_axes_hw'] : [x], [out], name, [...(axesAsInput ? [] : [intsAttribute('axes', [2, 3])]), intAttribute('keepdims', 1)]);
  const statNodes = layers.flatMap((l, k) => [
    reduce(l.input, l.mean, `__yci_in${k}_mean`),
    node('Sub', [l.input, l.mean], [`__yci_in${k}_centred`], `__yci_in${k}_sub`),
    node('Mul', [`__yci_in${k}_centred`, `__yci_in${k}_centred`], [`__yci_in${k}_sq`], `__yci_in${k}_mul`),
    reduce(`__yci_in${k}_sq`, l.variance, `__yci_in${k}_var`),
  ]);
  const statOutputs = layers.flatMap((l, k) => [valueInfo(GRAPH_OUTPUT, l.mean, ['n', `c${k}`, 1, 1]), valueInfo(GRAPH_OUTPUT, l.variance, ['n', `c${k}`, 1, 1])]);
  const statsGraph = concat([graphField.payload, ...(axesAsInput ? [int64Initializer('__yci_axes_hw', [2, 3])] : []), ...statNodes, ...statOutputs]);

  // Apply: each InstanceNormalization(x, scale, B) becomes BatchNormalization(x, scale, B, mean, var), same epsilon.
  const swapped = new Map<Field, Uint8Array>();
  norms.forEach((n, k) => {
    const epsilon = n.attributes.filter((a) => text(readFields(readFields(a)[0].payload!).find((f) => f.no === 1)) === 'epsilon');
    swapped.set(n.field, node('BatchNormalization', [...n.inputs.slice(0, 3), layers[k].mean, layers[k].variance], n.outputs, `__yci_in${k}_given`, epsilon));
  });
  const applyInputs = layers.flatMap((l, k) => [valueInfo(GRAPH_INPUT, l.mean, [`c${k}`]), valueInfo(GRAPH_INPUT, l.variance, [`c${k}`])]);
  const applyGraph = concat([rebuild(graph, swapped), ...applyInputs]);

  // Refine: the apply graph plus partial sums over the core box of each layer's input. ReduceSum took its axes as an
  // input from opset 13 on.
  const sumAxesAsInput = opset >= 13;
  const consts = [
    int64Initializer('__yci_c2', [2]), int64Initializer('__yci_c4', [4]), int64Initializer('__yci_c0', [0]),
    ...(sumAxesAsInput ? [int64Initializer('__yci_axes_hw_sum', [2, 3])] : []), int64Initializer('__yci_axes_23', [2, 3]),
    int64Initializer('__yci_shape_c11', [1, -1, 1, 1]),
  ];
  const reduceSum = (x: string, out: string, name: string) =>
    node('ReduceSum', sumAxesAsInput ? [x, '__yci_axes_hw_sum'] : [x], [out], name, [...(sumAxesAsInput ? [] : [intsAttribute('axes', [2, 3])]), intAttribute('keepdims', 0)]);
  const shared = [
    node('Shape', [inputName(graph)], ['__yci_in_shape'], '__yci_in_shape'),
    node('Slice', ['__yci_in_shape', '__yci_c2', '__yci_c4', '__yci_c0'], ['__yci_in_hw'], '__yci_in_hw'),
    node('Slice', [CORE_INPUT, '__yci_c0', '__yci_c2', '__yci_c0'], ['__yci_core_from'], '__yci_core_from'),
    node('Slice', [CORE_INPUT, '__yci_c2', '__yci_c4', '__yci_c0'], ['__yci_core_to'], '__yci_core_to'),
  ];
  const partialNodes = layers.flatMap((l, k) => {
    const n = (s: string) => `__yci_in${k}_${s}`;
    const out = partialNames(k);
    return [
      node('Shape', [l.input], [n('shape')], n('shape')),
      node('Slice', [n('shape'), '__yci_c2', '__yci_c4', '__yci_c0'], [n('hw')], n('hw')),
      node('Mul', ['__yci_core_from', n('hw')], [n('from_scaled')], n('from_mul')),
      node('Div', [n('from_scaled'), '__yci_in_hw'], [n('from')], n('from_div')),
      node('Mul', ['__yci_core_to', n('hw')], [n('to_scaled')], n('to_mul')),
      node('Div', [n('to_scaled'), '__yci_in_hw'], [n('to')], n('to_div')),
      node('Slice', [l.input, n('from'), n('to'), '__yci_axes_23'], [n('core')], n('core')),
      // Centred on the mean given to the layer: float32 sums of x and x^2 over a megapixel would lose the variance
      // to cancellation where the mean is large against the spread (deep residual features).
      node('Reshape', [l.mean, '__yci_shape_c11'], [n('given_mean')], n('given_mean')),
      node('Sub', [n('core'), n('given_mean')], [n('core_c')], n('core_centre')),
      reduceSum(n('core_c'), out.sum, n('sum')),
      node('Mul', [n('core_c'), n('core_c')], [n('core_sq')], n('core_sq')),
      reduceSum(n('core_sq'), out.squares, n('sumsq')),
      node('Shape', [n('core')], [out.shape], n('coreshape')),
    ];
  });
  const partialOutputs = layers.flatMap((_, k) => {
    const out = partialNames(k);
    return [valueInfo(GRAPH_OUTPUT, out.sum, ['n', `c${k}`]), valueInfo(GRAPH_OUTPUT, out.squares, ['n', `c${k}`]), int64ValueInfo(GRAPH_OUTPUT, out.shape, [4])];
  });
  const refineGraph = concat([applyGraph, ...consts, int64ValueInfo(GRAPH_INPUT, CORE_INPUT, [4]), ...shared, ...partialNodes, ...partialOutputs]);

  const withGraph = (g: Uint8Array) => rebuild(top, new Map([[graphField, lenField(MODEL_GRAPH, g)]]));
  return { stats: withGraph(statsGraph), apply: withGraph(applyGraph), refine: withGraph(refineGraph), layers };
}
