import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ortMessage } from './ort-message';

test('onnxruntime errors read without C++ source locations or error-code prefixes', () => {
  assert.equal(
    ortMessage("[ONNXRuntimeError] : 2 : INVALID_ARGUMENT : /onnxruntime_src/onnxruntime/core/framework/execution_frame.cc:172 onnxruntime::IExecutionFrame::GetOrCreateNodeOutputMLValue() shape mismatch: expected {1,3,256,256} got {1,3,255,256}\n    at Runner.run"),
    'shape mismatch: expected {1,3,256,256} got {1,3,255,256}',
  );
  assert.equal(ortMessage('Load model from /m/x.onnx failed: Protobuf parsing failed.'), 'Load model from /m/x.onnx failed: Protobuf parsing failed.');
});
