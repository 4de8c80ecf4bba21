/**
 * onnxruntime's error text without what only its developers can read: the "[ONNXRuntimeError] : 2 : INVALID_ARGUMENT :"
 * prefix, C++ source locations ("/onnxruntime_src/onnxruntime/core/session/inference_session.cc:1234") and stack
 * lines; the first line that says something, at most 300 characters.
 */
export function ortMessage(raw: string): string {
  const line = raw
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l && !/^at /.test(l)) ?? raw;
  return line
    .replace(/\[ONNXRuntimeError\]\s*:\s*\d+\s*:\s*[A-Z_]+\s*:\s*/g, '')
    .replace(/\s*(?:\/[\w.+-]+)+\.(?:cc|cpp|h|hpp|c)(?::\d+)+\s*/g, ' ')
    .replace(/\s*\w+(?:::\w+)+\(\)?\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300);
}
