// N-API bindings of the kernels (node-addon-api, C++ exceptions off). The TypeScript wrapper
// (main/services/keyframes/features/native-kernels.ts) validates parameters first; the checks here only make sure
// that a wrong call throws a TypeError instead of reading out of bounds.
#include <napi.h>

#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "js_features.h"
#include "kernels.h"

namespace {

// Bumped with NATIVE_KERNELS_ABI in native-kernels.ts whenever the contract changes.
constexpr int kAbi = 5;

using ycis::Fail;
using ycis::IsTyped;

int IntArg(const Napi::CallbackInfo& info, size_t i) { return info[i].As<Napi::Number>().Int32Value(); }

// The arguments of frameFeatures / frameFeaturesAsync, checked.
struct FrameArgs {
  const uint8_t* rgb;
  int width, height;
  ycis::FeatureArgs features;
};

// Empty string when the arguments are good, else what is wrong.
std::string ReadFrameArgs(const Napi::CallbackInfo& info, FrameArgs* a) {
  if (info.Length() < 6 || !IsTyped(info[0], napi_uint8_array) || !info[1].IsNumber() || !info[2].IsNumber()) {
    return "frameFeatures(rgb: Uint8Array, width, height, bins: Int32Array, levels, offsets: Int32Array)";
  }
  auto rgb = info[0].As<Napi::Uint8Array>();
  const int width = IntArg(info, 1), height = IntArg(info, 2);
  if (width < 1 || height < 1 || rgb.ElementLength() < size_t(width) * height * 3) {
    return "frameFeatures: bad sizes or parameters";
  }
  const std::string bad = ycis::ReadFeatureArgs(info[3], info[4], info[5], &a->features);
  if (!bad.empty()) return "frameFeatures: " + bad;
  a->rgb = rgb.Data();
  a->width = width;
  a->height = height;
  return "";
}

Napi::Value FrameFeatures(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  FrameArgs a;
  const std::string bad = ReadFrameArgs(info, &a);
  if (!bad.empty()) return Fail(env, bad);
  ycis::FeatureOut out;
  Napi::Object result = ycis::NewFeatures(env, a.features.Bins(), &out);
  ycis::FrameFeatures(a.rgb, a.width, a.height, a.features.params, out);
  ycis::SetLuma(result, out);
  return result;
}

// frameFeaturesAsync: the same computation on the libuv thread pool, so the JavaScript thread stays free (to drain
// ffmpeg's pipe) while a frame is analysed. The frame's Uint8Array is held by a reference until the work is done
// (its bytes must not change meanwhile); results are computed into native memory and copied into new typed arrays
// on the JavaScript thread.
class FrameFeaturesWorker : public Napi::AsyncWorker {
 public:
  FrameFeaturesWorker(Napi::Env env, Napi::Uint8Array frame, FrameArgs args)
      : Napi::AsyncWorker(env, "yourCartoonFrameFeatures"),
        deferred_(Napi::Promise::Deferred::New(env)),
        frame_(Napi::Persistent(frame)),
        args_(std::move(args)),
        result_(args_.features.Bins()) {
    args_.features.params.offsets = args_.features.offsets.data();  // the vector moved with args_
  }

  Napi::Promise Promise() const { return deferred_.Promise(); }

 protected:
  void Execute() override { result_.Compute(args_.rgb, args_.width, args_.height, args_.features.params); }

  void OnOK() override {
    frame_.Reset();
    deferred_.Resolve(result_.ToJs(Env()));
  }

  void OnError(const Napi::Error& e) override {
    frame_.Reset();
    deferred_.Reject(e.Value());
  }

 private:
  Napi::Promise::Deferred deferred_;
  Napi::Reference<Napi::Uint8Array> frame_;
  FrameArgs args_;
  ycis::NativeFeatures result_;
};

Napi::Value FrameFeaturesAsync(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  FrameArgs a;
  const std::string bad = ReadFrameArgs(info, &a);
  if (!bad.empty()) return Fail(env, bad);
  auto* worker = new FrameFeaturesWorker(env, info[0].As<Napi::Uint8Array>(), std::move(a));
  Napi::Promise promise = worker->Promise();
  worker->Queue();  // deletes itself after OnOK / OnError
  return promise;
}

Napi::Value GlcmProperties(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 5 || !IsTyped(info[0], napi_uint8_array) || !info[1].IsNumber() || !info[2].IsNumber() ||
      !info[3].IsNumber() || !IsTyped(info[4], napi_int32_array)) {
    return Fail(env, "glcmProperties(grey: Uint8Array, width, height, levels, offsets: Int32Array)");
  }
  auto grey = info[0].As<Napi::Uint8Array>();
  auto offsets = info[4].As<Napi::Int32Array>();
  const int width = IntArg(info, 1), height = IntArg(info, 2), levels = IntArg(info, 3);
  if (width < 1 || height < 1 || grey.ElementLength() < size_t(width) * height || levels < 2 || levels > 256 ||
      offsets.ElementLength() % 2 != 0) {
    return Fail(env, "glcmProperties: bad sizes or parameters");
  }
  for (size_t i = 0; i < size_t(width) * height; i++) {
    if (grey[i] >= levels) return Fail(env, "glcmProperties: a grey value is not below the number of levels");
  }
  auto out = Napi::Float64Array::New(env, 4);
  ycis::GlcmProperties(grey.Data(), width, height, levels, offsets.Data(), int(offsets.ElementLength() / 2),
                       out.Data());
  return out;
}

template <typename A>
double IntersectWith(const A* a, const Napi::TypedArray& b, size_t n) {
  if (b.TypedArrayType() == napi_float32_array) return ycis::HistogramIntersection(a, b.As<Napi::Float32Array>().Data(), n);
  return ycis::HistogramIntersection(a, b.As<Napi::Float64Array>().Data(), n);
}

bool IsHistogram(const Napi::Value& v) { return IsTyped(v, napi_float32_array) || IsTyped(v, napi_float64_array); }

double Intersect(const Napi::TypedArray& a, const Napi::TypedArray& b) {
  const size_t n = a.ElementLength();
  if (a.TypedArrayType() == napi_float32_array) return IntersectWith(a.As<Napi::Float32Array>().Data(), b, n);
  return IntersectWith(a.As<Napi::Float64Array>().Data(), b, n);
}

Napi::Value HistogramIntersection(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 2 || !IsHistogram(info[0]) || !IsHistogram(info[1]) ||
      info[0].As<Napi::TypedArray>().ElementLength() != info[1].As<Napi::TypedArray>().ElementLength()) {
    return Fail(env, "histogramIntersection(a, b): two Float32Array/Float64Array of one length");
  }
  return Napi::Number::New(env, Intersect(info[0].As<Napi::TypedArray>(), info[1].As<Napi::TypedArray>()));
}

bool IsGlcm(const Napi::Value& v) {
  return IsTyped(v, napi_float64_array) && v.As<Napi::Float64Array>().ElementLength() == 4;
}

Napi::Value GlcmSimilarity(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 2 || !IsGlcm(info[0]) || !IsGlcm(info[1])) return Fail(env, "glcmSimilarity(a, b): Float64Array(4)");
  return Napi::Number::New(
      env, ycis::GlcmSimilarity(info[0].As<Napi::Float64Array>().Data(), info[1].As<Napi::Float64Array>().Data()));
}

Napi::Value FrameSimilarity(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 5 || !IsTyped(info[0], napi_float32_array) || !IsGlcm(info[1]) ||
      !IsTyped(info[2], napi_float32_array) || !IsGlcm(info[3]) || !info[4].IsNumber() ||
      info[0].As<Napi::Float32Array>().ElementLength() != info[2].As<Napi::Float32Array>().ElementLength()) {
    return Fail(env, "frameSimilarity(aHsv, aGlcm, bHsv, bGlcm, weight)");
  }
  auto a = info[0].As<Napi::Float32Array>();
  const double w = info[4].As<Napi::Number>().DoubleValue();
  const double hi = ycis::HistogramIntersection(a.Data(), info[2].As<Napi::Float32Array>().Data(), a.ElementLength());
  const double g =
      ycis::GlcmSimilarity(info[1].As<Napi::Float64Array>().Data(), info[3].As<Napi::Float64Array>().Data());
  return Napi::Number::New(env, w * hi + (1 - w) * g);
}

Napi::Value ThumbDifference(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 2 || !IsTyped(info[0], napi_uint8_array) || !IsTyped(info[1], napi_uint8_array) ||
      info[0].As<Napi::Uint8Array>().ElementLength() != info[1].As<Napi::Uint8Array>().ElementLength()) {
    return Fail(env, "thumbDifference(a, b): two Uint8Array of one length");
  }
  auto a = info[0].As<Napi::Uint8Array>();
  return Napi::Number::New(
      env, ycis::ThumbDifference(a.Data(), info[1].As<Napi::Uint8Array>().Data(), a.ElementLength()));
}

Napi::Value ClusterShot(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 3 || !info[0].IsArray() || !info[1].IsNumber() || !info[2].IsNumber()) {
    return Fail(env, "clusterShot(frames: {hsv, glcm}[], weight, delta)");
  }
  auto frames = info[0].As<Napi::Array>();
  const uint32_t count = frames.Length();
  std::vector<const float*> hsv(count);
  std::vector<const double*> glcm(count);
  size_t bins = 0;
  for (uint32_t i = 0; i < count; i++) {
    Napi::Value v = frames.Get(i);
    if (!v.IsObject()) return Fail(env, "clusterShot: a frame is not an object");
    Napi::Object f = v.As<Napi::Object>();
    Napi::Value h = f.Get("hsv"), g = f.Get("glcm");
    if (!IsTyped(h, napi_float32_array) || !IsGlcm(g)) return Fail(env, "clusterShot: a frame lacks hsv or glcm");
    auto ha = h.As<Napi::Float32Array>();
    if (i == 0) bins = ha.ElementLength();
    if (ha.ElementLength() != bins) return Fail(env, "clusterShot: histograms of different lengths");
    hsv[i] = ha.Data();
    glcm[i] = g.As<Napi::Float64Array>().Data();
  }
  ycis::ClusterResult r;
  ycis::ClusterShot(hsv, glcm, bins, info[1].As<Napi::Number>().DoubleValue(), info[2].As<Napi::Number>().DoubleValue(),
                    r);
  auto clusterOf = Napi::Int32Array::New(env, count);
  for (uint32_t i = 0; i < count; i++) clusterOf[i] = r.clusterOf[i];
  auto keyMember = Napi::Int32Array::New(env, r.keyMember.size());
  auto score = Napi::Float64Array::New(env, r.score.size());
  for (size_t c = 0; c < r.keyMember.size(); c++) {
    keyMember[c] = r.keyMember[c];
    score[c] = r.score[c];
  }
  auto result = Napi::Object::New(env);
  result.Set("clusterOf", clusterOf);
  result.Set("keyMember", keyMember);
  result.Set("score", score);
  return result;
}

// toonFilter(planar: Float32Array [3·h·w] in [0, 1], width, height) → Float32Array of the same layout.
Napi::Value ToonFilter(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 3 || !IsTyped(info[0], napi_float32_array) || !info[1].IsNumber() || !info[2].IsNumber()) {
    return Fail(env, "toonFilter(planar: Float32Array, width, height)");
  }
  auto in = info[0].As<Napi::Float32Array>();
  const int width = IntArg(info, 1), height = IntArg(info, 2);
  if (width < 1 || height < 1 || in.ElementLength() != size_t(width) * height * 3) {
    return Fail(env, "toonFilter: the array does not hold 3 x width x height floats");
  }
  auto out = Napi::Float32Array::New(env, in.ElementLength());
  ycis::ToonFilter(in.Data(), width, height, out.Data());
  return out;
}

// toonFilterRgb(rgb: Uint8Array [h·w·3], width, height) → Uint8Array of the same layout.
Napi::Value ToonFilterRgb(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 3 || !IsTyped(info[0], napi_uint8_array) || !info[1].IsNumber() || !info[2].IsNumber()) {
    return Fail(env, "toonFilterRgb(rgb: Uint8Array, width, height)");
  }
  auto in = info[0].As<Napi::Uint8Array>();
  const int width = IntArg(info, 1), height = IntArg(info, 2);
  if (width < 1 || height < 1 || in.ElementLength() != size_t(width) * height * 3) {
    return Fail(env, "toonFilterRgb: the array does not hold width x height x 3 bytes");
  }
  auto out = Napi::Uint8Array::New(env, in.ElementLength());
  ycis::ToonFilterRgb(in.Data(), width, height, out.Data());
  return out;
}

// yuv420ToRgb(yuv: Uint8Array, width, height, bt709: boolean, fullRange: boolean) → Uint8Array [h·w·3].
Napi::Value Yuv420ToRgb(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 5 || !IsTyped(info[0], napi_uint8_array) || !info[1].IsNumber() || !info[2].IsNumber() ||
      !info[3].IsBoolean() || !info[4].IsBoolean()) {
    return Fail(env, "yuv420ToRgb(yuv: Uint8Array, width, height, bt709: boolean, fullRange: boolean)");
  }
  auto in = info[0].As<Napi::Uint8Array>();
  const int width = IntArg(info, 1), height = IntArg(info, 2);
  const size_t chroma = size_t((width + 1) / 2) * ((height + 1) / 2);
  if (width < 1 || height < 1 || in.ElementLength() != size_t(width) * height + 2 * chroma) {
    return Fail(env, "yuv420ToRgb: the array does not hold a 4:2:0 picture of width x height");
  }
  auto out = Napi::Uint8Array::New(env, size_t(width) * height * 3);
  ycis::Yuv420ToRgb(in.Data(), width, height, info[3].As<Napi::Boolean>().Value(), info[4].As<Napi::Boolean>().Value(), out.Data());
  return out;
}

// yuv420ToRgbAsync(yuv, width, height, bt709, fullRange, out: Uint8Array [h·w·3]) → Promise<void>: the same
// conversion on the libuv thread pool, into the caller's array, so the JavaScript thread goes on (draining ffmpeg's
// pipes) while a key frame's picture is converted. Both arrays are held until the work is done; neither may change
// meanwhile.
class Yuv420ToRgbWorker : public Napi::AsyncWorker {
 public:
  Yuv420ToRgbWorker(Napi::Env env, Napi::Uint8Array in, Napi::Uint8Array out, int width, int height, bool bt709,
                    bool fullRange)
      : Napi::AsyncWorker(env, "yourCartoonYuv420ToRgb"),
        deferred_(Napi::Promise::Deferred::New(env)),
        in_(Napi::Persistent(in)),
        out_(Napi::Persistent(out)),
        src_(in.Data()),
        dst_(out.Data()),
        width_(width),
        height_(height),
        bt709_(bt709),
        fullRange_(fullRange) {}

  Napi::Promise Promise() const { return deferred_.Promise(); }

 protected:
  void Execute() override { ycis::Yuv420ToRgb(src_, width_, height_, bt709_, fullRange_, dst_); }

  void OnOK() override {
    Release();
    deferred_.Resolve(Env().Undefined());
  }

  void OnError(const Napi::Error& e) override {
    Release();
    deferred_.Reject(e.Value());
  }

 private:
  void Release() {
    in_.Reset();
    out_.Reset();
  }

  Napi::Promise::Deferred deferred_;
  Napi::Reference<Napi::Uint8Array> in_, out_;
  const uint8_t* src_;
  uint8_t* dst_;
  int width_, height_;
  bool bt709_, fullRange_;
};

Napi::Value Yuv420ToRgbAsync(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 6 || !IsTyped(info[0], napi_uint8_array) || !info[1].IsNumber() || !info[2].IsNumber() ||
      !info[3].IsBoolean() || !info[4].IsBoolean() || !IsTyped(info[5], napi_uint8_array)) {
    return Fail(env, "yuv420ToRgbAsync(yuv: Uint8Array, width, height, bt709: boolean, fullRange: boolean, out: Uint8Array)");
  }
  auto in = info[0].As<Napi::Uint8Array>();
  auto out = info[5].As<Napi::Uint8Array>();
  const int width = IntArg(info, 1), height = IntArg(info, 2);
  const size_t chroma = size_t((width + 1) / 2) * ((height + 1) / 2);
  if (width < 1 || height < 1 || in.ElementLength() != size_t(width) * height + 2 * chroma) {
    return Fail(env, "yuv420ToRgbAsync: the array does not hold a 4:2:0 picture of width x height");
  }
  if (out.ElementLength() != size_t(width) * height * 3) {
    return Fail(env, "yuv420ToRgbAsync: the output array does not hold width x height x 3 bytes");
  }
  auto* worker = new Yuv420ToRgbWorker(env, in, out, width, height, info[3].As<Napi::Boolean>().Value(),
                                       info[4].As<Napi::Boolean>().Value());
  Napi::Promise promise = worker->Promise();
  worker->Queue();  // deletes itself after OnOK / OnError
  return promise;
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("abi", Napi::Number::New(env, kAbi));
  exports.Set("simd", Napi::String::New(env, ycis::SimdPath()));
  exports.Set("frameFeatures", Napi::Function::New(env, FrameFeatures));
  exports.Set("frameFeaturesAsync", Napi::Function::New(env, FrameFeaturesAsync));
  exports.Set("glcmProperties", Napi::Function::New(env, GlcmProperties));
  exports.Set("histogramIntersection", Napi::Function::New(env, HistogramIntersection));
  exports.Set("glcmSimilarity", Napi::Function::New(env, GlcmSimilarity));
  exports.Set("frameSimilarity", Napi::Function::New(env, FrameSimilarity));
  exports.Set("thumbDifference", Napi::Function::New(env, ThumbDifference));
  exports.Set("clusterShot", Napi::Function::New(env, ClusterShot));
  exports.Set("toonFilter", Napi::Function::New(env, ToonFilter));
  exports.Set("toonFilterRgb", Napi::Function::New(env, ToonFilterRgb));
  exports.Set("yuv420ToRgb", Napi::Function::New(env, Yuv420ToRgb));
  exports.Set("yuv420ToRgbAsync", Napi::Function::New(env, Yuv420ToRgbAsync));
  ycis::RegisterFrameReader(env, exports);
  ycis::RegisterSpawn(env, exports);
  return exports;
}

}  // namespace

NODE_API_MODULE(your_cartoon_kernels, Init)
