// What the N-API bindings (addon.cc, frame_reader.cc) share: argument checks, and features computed into native
// memory (on any thread) then turned into the JavaScript FrameFeatures object (on the JavaScript thread), laid out as
// the TypeScript reference lays it out: glcm (4 doubles) and hsv (floats) in one ArrayBuffer, the two thumbnails in
// another.
#pragma once
#include <napi.h>

#include <cstring>
#include <string>
#include <vector>

#include "kernels.h"

namespace ycis {

inline Napi::Value Fail(const Napi::Env& env, const std::string& message) {
  Napi::TypeError::New(env, "native kernels: " + message).ThrowAsJavaScriptException();
  return env.Undefined();
}

inline bool IsTyped(const Napi::Value& v, napi_typedarray_type type) {
  return v.IsTypedArray() && v.As<Napi::TypedArray>().TypedArrayType() == type;
}

// Feature parameters checked and copied (a call that outlives its arguments keeps the offsets).
struct FeatureArgs {
  FeatureParams params{};
  std::vector<int32_t> offsets;

  size_t Bins() const { return size_t(params.hBins) * params.sBins * params.vBins; }
};

// bins: Int32Array [h, s, v]; levels: number; offsets: Int32Array [dx0, dy0, ...]. Empty string when good.
inline std::string ReadFeatureArgs(const Napi::Value& bins, const Napi::Value& levels, const Napi::Value& offsets,
                                   FeatureArgs* a) {
  if (!IsTyped(bins, napi_int32_array) || !levels.IsNumber() || !IsTyped(offsets, napi_int32_array)) {
    return "bins: Int32Array, levels: number, offsets: Int32Array expected";
  }
  auto b = bins.As<Napi::Int32Array>();
  auto o = offsets.As<Napi::Int32Array>();
  const int l = levels.As<Napi::Number>().Int32Value();
  if (b.ElementLength() != 3 || l < 2 || l > 256 || o.ElementLength() < 2 || o.ElementLength() % 2 != 0) {
    return "bad feature parameters";
  }
  a->offsets.assign(o.Data(), o.Data() + o.ElementLength());
  a->params = {b[0], b[1], b[2], l, a->offsets.data(), int(a->offsets.size() / 2)};
  const FeatureParams& p = a->params;
  if (p.hBins < 1 || p.sBins < 1 || p.vBins < 1 || p.hBins > 256 || p.sBins > 256 || p.vBins > 256 ||
      p.hBins * p.sBins * p.vBins > 4096) {
    return "bins out of range";
  }
  return "";
}

constexpr size_t kThumbBytes = size_t(kThumbWidth) * kThumbHeight;
constexpr size_t kColourThumbBytes = size_t(kColourThumbWidth) * kColourThumbHeight * 3;

// A new, empty FrameFeatures object; `out` points into its arrays.
inline Napi::Object NewFeatures(Napi::Env env, size_t bins, FeatureOut* out) {
  auto buffer = Napi::ArrayBuffer::New(env, 32 + bins * 4);
  auto glcm = Napi::Float64Array::New(env, 4, buffer, 0);
  auto hsv = Napi::Float32Array::New(env, bins, buffer, 32);
  auto thumbs = Napi::ArrayBuffer::New(env, kThumbBytes + kColourThumbBytes);
  auto thumb = Napi::Uint8Array::New(env, kThumbBytes, thumbs, 0);
  auto colourThumb = Napi::Uint8Array::New(env, kColourThumbBytes, thumbs, kThumbBytes);
  *out = {hsv.Data(), glcm.Data(), thumb.Data(), colourThumb.Data(), 0, 0, 0};
  auto result = Napi::Object::New(env);
  result.Set("hsv", hsv);
  result.Set("glcm", glcm);
  result.Set("thumb", thumb);
  result.Set("colourThumb", colourThumb);
  return result;
}

inline void SetLuma(Napi::Object result, const FeatureOut& out) {
  result.Set("meanLuma", Napi::Number::New(result.Env(), out.meanLuma));
  result.Set("stdLuma", Napi::Number::New(result.Env(), out.stdLuma));
  result.Set("sharpness", Napi::Number::New(result.Env(), out.sharpness));
}

// Features computed off the JavaScript thread, into native memory, then copied into a new JavaScript object.
class NativeFeatures {
 public:
  explicit NativeFeatures(size_t bins) : hsv_(bins), thumbs_(kThumbBytes + kColourThumbBytes) {}

  void Compute(const uint8_t* rgb, int width, int height, const FeatureParams& p) {
    out_ = {hsv_.data(), glcm_, thumbs_.data(), thumbs_.data() + kThumbBytes, 0, 0, 0};
    FrameFeatures(rgb, width, height, p, out_);
  }

  Napi::Object ToJs(Napi::Env env) const {
    FeatureOut js;
    Napi::Object result = NewFeatures(env, hsv_.size(), &js);
    std::memcpy(js.hsv, hsv_.data(), hsv_.size() * sizeof(float));
    std::memcpy(js.glcm, glcm_, sizeof(glcm_));
    std::memcpy(js.thumb, thumbs_.data(), thumbs_.size());  // both thumbnails: one buffer on both sides
    SetLuma(result, out_);
    return result;
  }

 private:
  std::vector<float> hsv_;
  double glcm_[4] = {0, 0, 0, 0};
  std::vector<uint8_t> thumbs_;
  FeatureOut out_{};
};

// frame_reader.cc: createFramePipe and readFrameFeatures (POSIX; nothing is added elsewhere).
void RegisterFrameReader(Napi::Env env, Napi::Object exports);
// spawn.cc: child processes started without fork() (Linux).
void RegisterSpawn(Napi::Env env, Napi::Object exports);

}  // namespace ycis
