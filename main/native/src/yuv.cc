// 8-bit planar YCbCr 4:2:0 (yuv420p / yuvj420p) to packed RGB24 at the same size: the full-resolution key-frame
// pictures the analysis pass holds (main/services/keyframes/inpass-pictures.ts) are converted here, only those that
// become key frames. Follows what ffmpeg's scale filter does for the second-pass extraction (swscale with bilinear,
// accurate rounding and full chroma interpolation): chroma sample (i, j) stands at luma (2i + 0.5, 2j + 1) for that
// interpolation, which matches swscale's output to within rounding (tested against ffmpeg's own conversion); the
// matrix is BT.601 or BT.709 as the stream is tagged, limited (16-235) or full range.
//
// Integer arithmetic throughout: the interpolation weights (1/2 between rows, 1/4 and 3/4 between columns) make
// every interpolated chroma value an exact multiple of 1/8, so it is carried as 8 × chroma in an int; the matrix
// coefficients are 16-bit fixed point (their rounding moves a channel by under 0.01 of a level).
#include "kernels.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace ycis {

namespace {

constexpr int kShift = 16;

inline uint8_t Clamp(int v) { return uint8_t(v < 0 ? 0 : (v > 255 ? 255 : v)); }

inline int Fixed(double v) { return int(std::lround(v * (1 << kShift))); }

}  // namespace

// Chroma sample (i, j) sits at luma (2i + 0.5, 2j + 1) for the interpolation, so the weights are fixed: an output
// row 2j blends chroma rows j - 1 and j half and half, a row 2j + 1 is chroma row j; an output column 2i takes
// 1/4 of column i - 1 and 3/4 of column i, a column 2i + 1 3/4 of column i and 1/4 of column i + 1 (edges clamped).
void Yuv420ToRgb(const uint8_t* src, int width, int height, bool bt709, bool fullRange, uint8_t* out) {
  const int cw = (width + 1) / 2, ch = (height + 1) / 2;
  const uint8_t* yp = src;
  const uint8_t* up = src + size_t(width) * height;
  const uint8_t* vp = up + size_t(cw) * ch;
  const double kr = bt709 ? 0.2126 : 0.299, kb = bt709 ? 0.0722 : 0.114, kg = 1 - kr - kb;
  const double ys = fullRange ? 1.0 : 255.0 / 219.0;
  const int yo = fullRange ? 0 : 16;
  const double cs = fullRange ? 1.0 : 255.0 / 224.0;
  // Per unit of 8 × chroma (what the interpolation below carries).
  const int rv = Fixed(2 * (1 - kr) * cs / 8), bu = Fixed(2 * (1 - kb) * cs / 8);
  const int gu = Fixed(-2 * (1 - kb) * kb / kg * cs / 8), gv = Fixed(-2 * (1 - kr) * kr / kg * cs / 8);
  // (Y - yo) · ys with the rounding offset folded in, for each Y value.
  int luma[256];
  for (int v = 0; v < 256; v++) luma[v] = Fixed((v - yo) * ys) + (1 << (kShift - 1));
  // 2 × chroma (rows blended half and half, or a row taken twice), then 8 × chroma at full width.
  std::vector<int> uc(cw), vc(cw), urow(size_t(width) + 1), vrow(size_t(width) + 1);
  for (int y = 0; y < height; y++) {
    const int j = y >> 1;
    const int r1 = std::min(j, ch - 1);
    const int r0 = (y & 1) || j == 0 ? r1 : std::min(j - 1, ch - 1);
    const uint8_t *u0 = up + size_t(r0) * cw, *u1 = up + size_t(r1) * cw;
    const uint8_t *v0 = vp + size_t(r0) * cw, *v1 = vp + size_t(r1) * cw;
    for (int i = 0; i < cw; i++) {
      uc[i] = int(u0[i]) + int(u1[i]) - 256;
      vc[i] = int(v0[i]) + int(v1[i]) - 256;
    }
    for (int i = 0; i < cw; i++) {
      const int l = i > 0 ? i - 1 : 0, r = i + 1 < cw ? i + 1 : cw - 1;
      urow[2 * i] = uc[l] + 3 * uc[i];
      urow[2 * i + 1] = 3 * uc[i] + uc[r];
      vrow[2 * i] = vc[l] + 3 * vc[i];
      vrow[2 * i + 1] = 3 * vc[i] + vc[r];
    }
    const uint8_t* yl = yp + size_t(y) * width;
    uint8_t* o = out + size_t(y) * width * 3;
    for (int x = 0; x < width; x++) {
      const int l = luma[yl[x]];
      const int u = urow[x], v = vrow[x];
      o[3 * x] = Clamp((l + rv * v) >> kShift);
      o[3 * x + 1] = Clamp((l + gu * u + gv * v) >> kShift);
      o[3 * x + 2] = Clamp((l + bu * u) >> kShift);
    }
  }
}

}  // namespace ycis
