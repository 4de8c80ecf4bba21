// 8-bit planar YCbCr 4:2:0 (yuv420p / yuvj420p) to packed RGB24 at the same size: the full-resolution key-frame
// pictures the analysis pass holds (main/services/keyframes/inpass-pictures.ts) are converted here, only those that
// become key frames. Follows what ffmpeg's scale filter does for the second-pass extraction (swscale with bilinear,
// accurate rounding and full chroma interpolation): chroma sample (i, j) stands at luma (2i + 0.5, 2j + 1) for that
// interpolation, which matches swscale's output to within rounding (tested against ffmpeg's own conversion); the
// matrix is BT.601 or BT.709 as the stream is tagged, limited (16-235) or full range.
#include "kernels.h"

#include <algorithm>
#include <vector>

namespace ycis {

namespace {

inline uint8_t ToByte(float v) {
  v = v < 0.0f ? 0.0f : (v > 255.0f ? 255.0f : v);
  return uint8_t(int(v + 0.5f));
}

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
  const float ys = fullRange ? 1.0f : float(255.0 / 219.0), yo = fullRange ? 0.0f : 16.0f;
  const double cs = fullRange ? 1.0 : 255.0 / 224.0;
  const float rv = float(2 * (1 - kr) * cs), bu = float(2 * (1 - kb) * cs);
  const float gu = float(-2 * (1 - kb) * kb / kg * cs), gv = float(-2 * (1 - kr) * kr / kg * cs);
  std::vector<float> uc(cw), vc(cw), urow(size_t(width) + 1), vrow(size_t(width) + 1);
  for (int y = 0; y < height; y++) {
    // The chroma row at this output row, at half width.
    const int j = y >> 1;
    const int r0 = (y & 1) ? j : std::max(j - 1, 0), r1 = std::min(j, ch - 1);
    const float w1 = (y & 1) || j == 0 ? 1.0f : 0.5f, w0 = 1.0f - w1;
    const uint8_t *u0 = up + size_t(std::min(r0, ch - 1)) * cw, *u1 = up + size_t(r1) * cw;
    const uint8_t *v0 = vp + size_t(std::min(r0, ch - 1)) * cw, *v1 = vp + size_t(r1) * cw;
    for (int i = 0; i < cw; i++) {
      uc[i] = w0 * u0[i] + w1 * u1[i] - 128.0f;
      vc[i] = w0 * v0[i] + w1 * v1[i] - 128.0f;
    }
    // Twice as wide.
    for (int i = 0; i < cw; i++) {
      const int l = i > 0 ? i - 1 : 0, r = i + 1 < cw ? i + 1 : cw - 1;
      urow[2 * i] = 0.25f * uc[l] + 0.75f * uc[i];
      urow[2 * i + 1] = 0.75f * uc[i] + 0.25f * uc[r];
      vrow[2 * i] = 0.25f * vc[l] + 0.75f * vc[i];
      vrow[2 * i + 1] = 0.75f * vc[i] + 0.25f * vc[r];
    }
    const uint8_t* yl = yp + size_t(y) * width;
    uint8_t* o = out + size_t(y) * width * 3;
    for (int x = 0; x < width; x++) {
      const float l = (float(yl[x]) - yo) * ys;
      const float u = urow[x], v = vrow[x];
      o[3 * x] = ToByte(l + rv * v);
      o[3 * x + 1] = ToByte(l + gu * u + gv * v);
      o[3 * x + 2] = ToByte(l + bu * u);
    }
  }
}

}  // namespace ycis
