// The built-in cartoon style (models/builtin/toon.onnx, built by make_toon.py) computed directly: the same
// operations in the same float32 order, with every box mean taken from running sums (O(1) per pixel whatever the
// radius, where onnxruntime's AveragePool adds the whole window) and the element-wise steps fused into a few passes
// over the planes instead of one full tensor per graph node. The three colour planes run on threads of their own.
// models/builtin/toon-native.test.ts holds it to onnxruntime's output of the graph.
#include <algorithm>
#include <cstdint>
#include <cmath>
#include <thread>
#include <vector>

#include "kernels.h"

namespace ycis {
namespace {

// make_toon.py's constants as the graph stores them (float32).
struct Pass {
  int r;
  float eps;
};
constexpr Pass kPasses[] = {{3, 0.004f}, {3, 0.004f}, {2, 0.002f}};
constexpr int kLineSourcePass = 2;
constexpr float kLevels = 7.0f;
constexpr float kHardness = 5.0f;
constexpr float kSaturation = 1.25f;
constexpr float kLineEps = 0.003f;
constexpr float kLineRange = 0.012f;  // LINE_FULL - LINE_EPS
constexpr float kLineStrength = 0.9f;
constexpr float kLuma[3] = {0.299f, 0.587f, 0.114f};

// Mean over the (2r+1)² window clipped to the image (AveragePool with count_include_pad=0), from sums in double: for
// each output row the column sums over its rows are updated (one row added, one dropped), then each window adds its
// 2r+1 column sums (no running sum along the row: its chain of dependent additions was the slowest part); both loops
// vectorise. The count is the product of the two clipped spans.
template <int R>
void BoxMeanR(const float* src, float* dst, int w, int h, std::vector<double>& col, std::vector<double>& inv) {
  col.assign(w, 0.0);
  inv.resize(w);
  for (int x = 0; x < w; x++) inv[x] = 1.0 / double(std::min(x + R, w - 1) - std::max(x - R, 0) + 1);
  for (int y = 0; y < std::min(R, h); y++) {
    const float* row = src + size_t(y) * w;
    for (int x = 0; x < w; x++) col[x] += row[x];
  }
  double* c = col.data();
  const double* iv = inv.data();
  for (int y = 0; y < h; y++) {
    if (y + R < h) {
      const float* add = src + size_t(y + R) * w;
      for (int x = 0; x < w; x++) c[x] += add[x];
    }
    if (y - R - 1 >= 0) {
      const float* sub = src + size_t(y - R - 1) * w;
      for (int x = 0; x < w; x++) c[x] -= sub[x];
    }
    const double invy = 1.0 / double(std::min(y + R, h - 1) - std::max(y - R, 0) + 1);
    float* d = dst + size_t(y) * w;
    const int lo = std::min(R, w), hi = std::max(lo, w - R);
    auto edge = [&](int x) {
      double acc = 0;
      for (int k = std::max(x - R, 0); k <= std::min(x + R, w - 1); k++) acc += c[k];
      d[x] = float(acc * iv[x] * invy);
    };
    for (int x = 0; x < lo; x++) edge(x);
    for (int x = lo; x < hi; x++) {
      double acc = c[x - R];
      for (int k = 1 - R; k <= R; k++) acc += c[x + k];
      d[x] = float(acc * iv[x] * invy);
    }
    for (int x = hi; x < w; x++) edge(x);
  }
}

void BoxMean(const float* src, float* dst, int w, int h, int r, std::vector<double>& col, std::vector<double>& inv) {
  if (r == 1) BoxMeanR<1>(src, dst, w, h, col, inv);
  else if (r == 2) BoxMeanR<2>(src, dst, w, h, col, inv);
  else BoxMeanR<3>(src, dst, w, h, col, inv);
}

// One colour plane through the three self-guided passes; `line` receives the plane after kLineSourcePass passes.
void SmoothPlane(const float* in, float* out, float* line, int w, int h) {
  const size_t n = size_t(w) * h;
  std::vector<float> p(in, in + n), mean(n), sq(n), a(n), b(n);
  std::vector<double> col, inv;
  for (int pass = 0; pass < 3; pass++) {
    const int r = kPasses[pass].r;
    const float eps = kPasses[pass].eps;
    BoxMean(p.data(), mean.data(), w, h, r, col, inv);
    for (size_t i = 0; i < n; i++) a[i] = p[i] * p[i];
    BoxMean(a.data(), sq.data(), w, h, r, col, inv);
    for (size_t i = 0; i < n; i++) {
      const float var = std::max(0.0f, sq[i] - mean[i] * mean[i]);
      const float ai = var / (var + eps);
      a[i] = ai;
      b[i] = mean[i] - ai * mean[i];
    }
    BoxMean(a.data(), mean.data(), w, h, r, col, inv);  // mean(a)
    BoxMean(b.data(), sq.data(), w, h, r, col, inv);    // mean(b)
    for (size_t i = 0; i < n; i++) p[i] = mean[i] * p[i] + sq[i];
    if (pass + 1 == kLineSourcePass) std::copy(p.begin(), p.end(), line);
  }
  std::copy(p.begin(), p.end(), out);
}

}  // namespace

void ToonFilter(const float* in, int w, int h, float* out) {
  const size_t n = size_t(w) * h;
  std::vector<float> smooth(3 * n), line(3 * n);
  std::vector<std::thread> threads;
  for (int c = 1; c < 3; c++) {
    threads.emplace_back(SmoothPlane, in + c * n, smooth.data() + c * n, line.data() + c * n, w, h);
  }
  SmoothPlane(in, smooth.data(), line.data(), w, h);
  for (auto& t : threads) t.join();

  // Ink from the luminance of the line source: a difference of two box-cascade blurs.
  std::vector<float> yl(n), t1(n), small(n), large(n);
  std::vector<double> col, inv;
  for (size_t i = 0; i < n; i++) yl[i] = line[i] * kLuma[0] + line[n + i] * kLuma[1] + line[2 * n + i] * kLuma[2];
  BoxMean(yl.data(), t1.data(), w, h, 1, col, inv);
  BoxMean(t1.data(), small.data(), w, h, 1, col, inv);
  BoxMean(yl.data(), t1.data(), w, h, 2, col, inv);
  BoxMean(t1.data(), large.data(), w, h, 1, col, inv);

  const float* sr = smooth.data();
  const float* sg = sr + n;
  const float* sb = sg + n;
  for (size_t i = 0; i < n; i++) {
    const float y = sr[i] * kLuma[0] + sg[i] * kLuma[1] + sb[i] * kLuma[2];
    // Luminance in soft-edged bands.
    const float t = y * kLevels;
    const float base = std::floor(t);
    const float frac = t - base;
    const float step = std::min(1.0f, std::max(0.0f, (frac - 0.5f) * kHardness + 0.5f));
    const float bands = (base + step) / kLevels;
    const float dog = small[i] - large[i];
    const float ink = std::min(1.0f, std::max(0.0f, (-dog - kLineEps) / kLineRange));
    const float shade = 1.0f - ink * kLineStrength;
    for (int c = 0; c < 3; c++) {
      const float flat = (smooth[c * n + i] - y) * kSaturation + bands;
      out[c * n + i] = std::min(1.0f, std::max(0.0f, flat * shade));
    }
  }
}

void ToonFilterRgb(const uint8_t* rgb, int w, int h, uint8_t* out) {
  const size_t n = size_t(w) * h;
  std::vector<float> planar(3 * n), styled(3 * n);
  // As imageToTensor makes the input (px · (1/255) in double, stored as float32) ...
  for (size_t i = 0; i < n; i++) {
    for (int c = 0; c < 3; c++) planar[c * n + i] = float(double(rgb[i * 3 + c]) * (1.0 / 255.0));
  }
  ToonFilter(planar.data(), w, h, styled.data());
  // ... and tensorToFloatImage and the one-tile blend take the output back (clipped, · 255 stored as float32,
  // rounded half up), so the bytes are those of the generic path with this kernel.
  for (size_t i = 0; i < n; i++) {
    for (int c = 0; c < 3; c++) {
      const double v = std::min(1.0, std::max(0.0, double(styled[c * n + i])));
      const float f = float(v * 255.0);
      out[i * 3 + c] = uint8_t(std::min(255.0, std::max(0.0, std::floor(double(f) + 0.5))));
    }
  }
}

}  // namespace ycis
