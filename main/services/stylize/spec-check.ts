import type { InferenceSession } from 'onnxruntime-node';
import type { ModelSpec, TensorSpec } from '../../../app/stylize';
import { StylizeError } from './errors';

type Meta = InferenceSession.ValueMetadata;

function describe(metas: readonly Meta[]): string {
  return metas
    .map((m) => (m.isTensor ? `${m.name} ${m.type} [${m.shape.join(', ')}]` : `${m.name} (not a tensor)`))
    .join(', ');
}

/** Numeric size of a dimension, or undefined when it is symbolic (free). */
const fixed = (d: number | string | undefined) => (typeof d === 'number' && d > 0 ? d : undefined);

function checkTensor(meta: Meta | undefined, t: TensorSpec, role: 'input' | 'output', all: readonly Meta[], file: string, fixedSize?: ModelSpec['fixedSize']): void {
  const fail = (why: string) => {
    throw new StylizeError('MODEL_SPEC_MISMATCH', `${file}: ${why}; the model's ${role}s are: ${describe(all)}`, file);
  };
  if (!meta) return fail(`the model has no ${role} named "${t.name}"`);
  if (!meta.isTensor) return fail(`${role} "${t.name}" is not a tensor`);
  if (meta.type !== 'float32') fail(`${role} "${t.name}" is ${meta.type}, expected float32`);
  const shape = meta.shape;
  if (shape.length !== 4) fail(`${role} "${t.name}" has ${shape.length} dimensions, expected 4 (${t.layout})`);
  const channels = fixed(t.layout === 'NHWC' ? shape[3] : shape[1]);
  const want = t.channels ?? 3;
  if (channels !== undefined && channels !== want) fail(`${role} "${t.name}" has ${channels} channels where ${t.layout} puts them, expected ${want}`);
  if (role === 'input') {
    const h = fixed(t.layout === 'NHWC' ? shape[1] : shape[2]);
    const w = fixed(t.layout === 'NHWC' ? shape[2] : shape[3]);
    if ((h !== undefined || w !== undefined) && !fixedSize) fail(`input "${t.name}" has a fixed size ${w}x${h} but the spec says the size is free`);
    if (fixedSize && ((h !== undefined && h !== fixedSize.height) || (w !== undefined && w !== fixedSize.width))) {
      fail(`input "${t.name}" is ${w}x${h}, the spec says ${fixedSize.width}x${fixedSize.height}`);
    }
  }
}

/** Throws MODEL_SPEC_MISMATCH when the graph's inputs/outputs do not match what the catalog spec promises. */
export function checkSessionAgainstSpec(session: InferenceSession, spec: ModelSpec, file: string): void {
  const inputs = session.inputMetadata;
  const outputs = session.outputMetadata;
  checkTensor(inputs.find((m) => m.name === spec.input.name), spec.input, 'input', inputs, file, spec.fixedSize);
  checkTensor(outputs.find((m) => m.name === spec.output.name), spec.output, 'output', outputs, file);
  if (spec.maskInput && !inputs.some((m) => m.name === spec.maskInput?.name)) {
    throw new StylizeError('MODEL_SPEC_MISMATCH', `${file}: the model has no mask input "${spec.maskInput.name}"; its inputs are: ${describe(inputs)}`, file);
  }
  const extra = inputs.filter((m) => m.name !== spec.input.name && m.name !== spec.maskInput?.name);
  if (extra.length) {
    throw new StylizeError('MODEL_SPEC_MISMATCH', `${file}: the model wants inputs the spec does not feed: ${describe(extra)}`, file);
  }
}
