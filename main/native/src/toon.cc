// The built-in cartoon style (models/builtin/toon.onnx, built by make_toon.py) computed directly: the same
// operations in the same float32 order, with every box mean taken from running sums (O(1) per pixel whatever the
// radius, where onnxruntime's AveragePool adds the whole window) and the element-wise steps fused into a few passes
// over the planes instead of one full tensor per graph node. The three colour planes run on threads of their own.
// models/builtin/toon-native.test.ts holds it to onnxruntime's output of the graph.
#include <algorithm>
#include <cstdint>
#include <cmath>
#include <memory>
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

// Two box means at once (the same window over two inputs), fused with what is done with them: `load(i, v1, v2)`
// gives the two inputs of pixel i, `emit(i, m1, m2)` takes the two means of output pixel i. Same sums, in the same
// order, as BoxMeanR; one pass over the plane instead of one per mean plus one per element-wise step.
template <int R, class Load, class Emit>
void BoxMean2(int w, int h, Load load, Emit emit, std::vector<double>& scratch) {
  scratch.assign(size_t(w) * 3, 0.0);
  double* c1 = scratch.data();
  double* c2 = c1 + w;
  double* iv = c2 + w;
  for (int x = 0; x < w; x++) iv[x] = 1.0 / double(std::min(x + R, w - 1) - std::max(x - R, 0) + 1);
  auto add = [&](int y, double sign) {
    const size_t row = size_t(y) * w;
    for (int x = 0; x < w; x++) {
      float v1, v2;
      load(row + x, v1, v2);
      c1[x] += sign * v1;
      c2[x] += sign * v2;
    }
  };
  for (int y = 0; y < std::min(R, h); y++) add(y, 1.0);
  const int lo = std::min(R, w), hi = std::max(lo, w - R);
  for (int y = 0; y < h; y++) {
    if (y + R < h) add(y + R, 1.0);
    if (y - R - 1 >= 0) add(y - R - 1, -1.0);
    const double invy = 1.0 / double(std::min(y + R, h - 1) - std::max(y - R, 0) + 1);
    const size_t row = size_t(y) * w;
    auto edge = [&](int x) {
      double a1 = 0, a2 = 0;
      for (int k = std::max(x - R, 0); k <= std::min(x + R, w - 1); k++) a1 += c1[k], a2 += c2[k];
      emit(row + x, float(a1 * iv[x] * invy), float(a2 * iv[x] * invy));
    };
    for (int x = 0; x < lo; x++) edge(x);
    for (int x = lo; x < hi; x++) {
      double a1 = c1[x - R], a2 = c2[x - R];
      for (int k = 1 - R; k <= R; k++) a1 += c1[x + k], a2 += c2[x + k];
      emit(row + x, float(a1 * iv[x] * invy), float(a2 * iv[x] * invy));
    }
    for (int x = hi; x < w; x++) edge(x);
  }
}

// One self-guided pass over plane p (in place): mean and mean of squares in one fused pass that leaves a and b,
// then their means in a second that leaves q = mean(a)·p + mean(b).
template <int R>
void GuidedPass(float* p, float* a, float* b, int w, int h, float eps, std::vector<double>& scratch) {
  BoxMean2<R>(
      w, h, [&](size_t i, float& v1, float& v2) { v1 = p[i], v2 = p[i] * p[i]; },
      [&](size_t i, float mean, float sq) {
        const float var = std::max(0.0f, sq - mean * mean);
        const float ai = var / (var + eps);
        a[i] = ai;
        b[i] = mean - ai * mean;
      },
      scratch);
  BoxMean2<R>(
      w, h, [&](size_t i, float& v1, float& v2) { v1 = a[i], v2 = b[i]; },
      [&](size_t i, float ma, float mb) { p[i] = ma * p[i] + mb; }, scratch);
}

// One colour plane through the three self-guided passes; `line` receives the plane after kLineSourcePass passes.
void SmoothPlane(const float* in, float* out, float* line, int w, int h) {
  const size_t n = size_t(w) * h;
  std::copy(in, in + n, out);
  std::unique_ptr<float[]> a(new float[n]), b(new float[n]);
  std::vector<double> scratch;
  for (int pass = 0; pass < 3; pass++) {
    const float eps = kPasses[pass].eps;
    if (kPasses[pass].r == 3) GuidedPass<3>(out, a.get(), b.get(), w, h, eps, scratch);
    else GuidedPass<2>(out, a.get(), b.get(), w, h, eps, scratch);
    if (pass + 1 == kLineSourcePass) std::copy(out, out + n, line);
  }
}

}  // namespace

// The whole style on one picture (or band), on the calling thread.
static void ToonSerial(const float* in, int w, int h, float* out) {
  const size_t n = size_t(w) * h;
  std::vector<float> smooth(3 * n), line(3 * n);
  for (int c = 0; c < 3; c++) SmoothPlane(in + c * n, smooth.data() + c * n, line.data() + c * n, w, h);

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

// Rows of context a band needs on each side so that its own rows come out as in the whole picture: each guided pass
// reads 2r rows away (a box mean of a box mean), 6 + 6 + 4 in all; the ink reads 12 + 3. A band's edge is treated as
// the picture's edge (clipped windows), which is only wrong within this many rows of it.
constexpr int kBandHalo = 16;

// Horizontal bands, one per core, each with kBandHalo rows of context: every core busy the whole time (threads per
// colour plane left a core idle for a third of the planes and the whole ink stage), at the cost of a few rows done
// twice. Each band's own rows are the whole picture's up to the rounding of the running sums' doubles.
void ToonFilter(const float* in, int w, int h, float* out) {
  const size_t n = size_t(w) * h;
  const int cores = int(std::max(1u, std::min(8u, std::thread::hardware_concurrency())));
  const int bands = std::max(1, std::min(cores, h / (4 * kBandHalo)));
  if (bands == 1) return ToonSerial(in, w, h, out);
  auto band = [&](int b) {
    const int y0 = int(int64_t(h) * b / bands), y1 = int(int64_t(h) * (b + 1) / bands);
    const int e0 = std::max(0, y0 - kBandHalo), e1 = std::min(h, y1 + kBandHalo);
    const size_t bn = size_t(w) * (e1 - e0);
    std::vector<float> bin(3 * bn), bout(3 * bn);
    for (int c = 0; c < 3; c++) std::copy(in + c * n + size_t(e0) * w, in + c * n + size_t(e1) * w, bin.begin() + c * bn);
    ToonSerial(bin.data(), w, e1 - e0, bout.data());
    for (int c = 0; c < 3; c++) {
      std::copy(bout.begin() + c * bn + size_t(y0 - e0) * w, bout.begin() + c * bn + size_t(y1 - e0) * w, out + c * n + size_t(y0) * w);
    }
  };
  std::vector<std::thread> threads;
  for (int b = 1; b < bands; b++) threads.emplace_back(band, b);
  band(0);
  for (auto& t : threads) t.join();
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
