// 8-bit planar YCbCr 4:2:0 (yuv420p / yuvj420p) to packed RGB24 at the same size: the full-resolution key-frame
// pictures the analysis pass holds (main/services/keyframes/inpass-pictures.ts) are converted here, only those that
// become key frames. Follows what ffmpeg's scale filter does for the second-pass extraction (swscale with bilinear,
// accurate rounding and full chroma interpolation): chroma sample (i, j) stands at luma (2i + 0.5, 2j + 1) for that
// interpolation, which matches swscale's output to within rounding (tested against ffmpeg's own conversion); the
// matrix is BT.601 or BT.709 as the stream is tagged, limited (16-235) or full range.
#include "kernels.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace ycis {

void Yuv420ToRgb(const uint8_t* src, int width, int height, bool bt709, bool fullRange, uint8_t* out) {
  const int cw = (width + 1) / 2, ch = (height + 1) / 2;
  const uint8_t* yp = src;
  const uint8_t* up = src + size_t(width) * height;
  const uint8_t* vp = up + size_t(cw) * ch;
  const double kr = bt709 ? 0.2126 : 0.299, kb = bt709 ? 0.0722 : 0.114, kg = 1 - kr - kb;
  const double ys = fullRange ? 1.0 : 255.0 / 219.0, yo = fullRange ? 0.0 : 16.0;
  const double cs = fullRange ? 1.0 : 255.0 / 224.0;
  const float rv = float(2 * (1 - kr) * cs), bu = float(2 * (1 - kb) * cs);
  const float gu = float(-2 * (1 - kb) * kb / kg * cs), gv = float(-2 * (1 - kr) * kr / kg * cs);
  // Horizontal chroma taps and weights, one per output column.
  std::vector<int> x0(width), x1(width);
  std::vector<float> fx(width);
  for (int x = 0; x < width; x++) {
    const double p = std::clamp(x / 2.0 - 0.25, 0.0, double(cw - 1));
    x0[x] = int(p);
    x1[x] = std::min(x0[x] + 1, cw - 1);
    fx[x] = float(p - x0[x]);
  }
  std::vector<float> urow(width), vrow(width);
  for (int y = 0; y < height; y++) {
    const double q = std::clamp(y / 2.0 - 0.5, 0.0, double(ch - 1));
    const int r0 = int(q), r1 = std::min(r0 + 1, ch - 1);
    const float fy = float(q - r0);
    const uint8_t *u0 = up + size_t(r0) * cw, *u1 = up + size_t(r1) * cw;
    const uint8_t *v0 = vp + size_t(r0) * cw, *v1 = vp + size_t(r1) * cw;
    for (int x = 0; x < width; x++) {
      const float a = fx[x];
      const float ut = u0[x0[x]] + (u0[x1[x]] - u0[x0[x]]) * a, ub = u1[x0[x]] + (u1[x1[x]] - u1[x0[x]]) * a;
      const float vt = v0[x0[x]] + (v0[x1[x]] - v0[x0[x]]) * a, vb = v1[x0[x]] + (v1[x1[x]] - v1[x0[x]]) * a;
      urow[x] = ut + (ub - ut) * fy - 128.0f;
      vrow[x] = vt + (vb - vt) * fy - 128.0f;
    }
    const uint8_t* yl = yp + size_t(y) * width;
    uint8_t* o = out + size_t(y) * width * 3;
    for (int x = 0; x < width; x++) {
      const float l = float((yl[x] - yo) * ys);
      const float r = l + rv * vrow[x], g = l + gu * urow[x] + gv * vrow[x], b = l + bu * urow[x];
      o[3 * x] = uint8_t(std::clamp(std::lround(r), 0L, 255L));
      o[3 * x + 1] = uint8_t(std::clamp(std::lround(g), 0L, 255L));
      o[3 * x + 2] = uint8_t(std::clamp(std::lround(b), 0L, 255L));
    }
  }
}

}  // namespace ycis
