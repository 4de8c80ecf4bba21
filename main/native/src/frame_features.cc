// One pass over an RGB24 frame: joint HSV histogram, 8-bit luma statistics, quantised grey image, luma and colour
// thumbnails. Definitions: main/services/keyframes/features/color.ts and thumbnail.ts (the reference); this file only makes
// them fast: rows are split into planes and binned in a loop the compiler vectorises (with AVX2 where the CPU has
// it, chosen at run time), then counted; no allocation per frame once warm, no trig.
//
// Why float division gives the reference's exact integer bins: every bin is floor(n / D) of integers with
// n < 2^24 and D ≤ 1530 (hue: n = hueNum · hBins < 1530 · 256, D = 6 · (max − min); saturation: n = (max − min) ·
// sBins, D = max; value: n = max · vBins, D = 255), so n and D are exact floats and the IEEE quotient is the exact
// one correctly rounded. The quotient is < 256, where half an ulp is at most 2^-16, while a non-integer n / D lies
// at least 1 / D ≥ 1/1530 from the next integer: rounding can never cross an integer, and truncation gives the floor.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "kernels.h"

namespace ycis {
namespace {

// Scratch reused across calls (per thread): no allocation per frame once warmed up.
thread_local std::vector<uint8_t> tGrey;
thread_local std::vector<uint8_t> tLuma;
thread_local std::vector<uint8_t> tPlanes;
thread_local std::vector<int32_t> tBins;
thread_local std::vector<uint32_t> tCounts;
thread_local std::vector<uint32_t> tLumaColumns;
thread_local std::vector<uint32_t> tColourColumns;

struct RowBins {
  int hBins, sBins, vBins, levels;
};

#if defined(_MSC_VER)
#define YCIS_FORCE_INLINE __forceinline
#else
#define YCIS_FORCE_INLINE inline __attribute__((always_inline))
#endif

// One row: HSV bin, luma and grey level of every pixel. Written without branches so that it vectorises.
YCIS_FORCE_INLINE void BinRowImpl(const uint8_t* __restrict src, uint8_t* __restrict planes, int32_t* __restrict bin,
                                  uint8_t* __restrict luma, uint8_t* __restrict grey, int width, RowBins p) {
  uint8_t* __restrict R = planes;
  uint8_t* __restrict G = planes + width;
  uint8_t* __restrict B = planes + 2 * width;
  for (int x = 0; x < width; x++) {
    R[x] = src[3 * x];
    G[x] = src[3 * x + 1];
    B[x] = src[3 * x + 2];
  }
  const float fH = float(p.hBins), fS = float(p.sBins), fV = float(p.vBins);
  for (int x = 0; x < width; x++) {
    const int r = R[x], g = G[x], b = B[x];
    const int mx = std::max(r, std::max(g, b));
    const int mn = std::min(r, std::min(g, b));
    const int d = mx - mn;
    const int gb = g - b;
    const int numR = gb + (gb < 0 ? 6 * d : 0);
    const int hueNum = mx == r ? numR : (mx == g ? b - r + 2 * d : r - g + 4 * d);  // ties: R, then G
    const int h = int(float(hueNum) * fH / float(std::max(6 * d, 1)));
    const int s = std::min(int(float(d) * fS / float(std::max(mx, 1))), p.sBins - 1);
    const int v = std::min(int(float(mx) * fV / 255.0f), p.vBins - 1);
    bin[x] = (h * p.sBins + s) * p.vBins + v;
    const int y = (19595 * r + 38470 * g + 7471 * b + 32768) >> 16;
    luma[x] = uint8_t(y);
    grey[x] = uint8_t((y * p.levels) >> 8);
  }
}

void BinRowDefault(const uint8_t* src, uint8_t* planes, int32_t* bin, uint8_t* luma, uint8_t* grey, int width,
                   RowBins p) {
  BinRowImpl(src, planes, bin, luma, grey, width, p);
}

#if (defined(__x86_64__) || defined(__i386__)) && (defined(__GNUC__) || defined(__clang__))
__attribute__((target("avx2"))) void BinRowAvx2(const uint8_t* src, uint8_t* planes, int32_t* bin, uint8_t* luma,
                                                uint8_t* grey, int width, RowBins p) {
  BinRowImpl(src, planes, bin, luma, grey, width, p);
}
using BinRowFn = void (*)(const uint8_t*, uint8_t*, int32_t*, uint8_t*, uint8_t*, int, RowBins);
// YOUR_CARTOON_NATIVE_SIMD=baseline forces the portable path (tests check that both paths agree).
bool UseAvx2() {
  const char* forced = std::getenv("YOUR_CARTOON_NATIVE_SIMD");
  return !(forced && std::strcmp(forced, "baseline") == 0) && __builtin_cpu_supports("avx2");
}
const bool kAvx2 = UseAvx2();
const BinRowFn BinRow = kAvx2 ? BinRowAvx2 : BinRowDefault;
#else
const bool kAvx2 = false;
constexpr auto BinRow = BinRowDefault;
#endif

// Source range [start, end) of thumbnail cell `cell` of `cells` along a side of `size` pixels (see thumbnail.ts).
inline void CellRange(int cell, int cells, int size, int* start, int* end) {
  *start = int((int64_t(cell) * size) / cells);
  *end = std::max(*start + 1, int((int64_t(cell + 1) * size) / cells));
}

// Thumbnail cells are area sums, accumulated without a per-cell loop per row: each row (a plane of it) is added
// column by column (a loop the compiler vectorises) into the columns of the band of thumbnail rows it belongs to
// (several bands when the frame has fewer rows than the thumbnail: rows repeat); at the end each band's columns are
// summed over the cells' column ranges. All sums are exact integers: a column holds < 2^15 rows · 255 < 2^32.
inline void AddRow(const uint8_t* __restrict row, uint32_t* __restrict columns, int width) {
  for (int x = 0; x < width; x++) columns[x] += row[x];
}

inline uint64_t SumColumns(const uint32_t* columns, int start, int end) {
  uint64_t s = 0;
  for (int x = start; x < end; x++) s += columns[x];
  return s;
}

// The rounded mean (round half up) of `n` values summing to `sum`, as the reference computes it.
inline uint8_t RoundedMean(uint64_t sum, uint64_t n) { return uint8_t((2 * sum + n) / (2 * n)); }

}  // namespace

const char* SimdPath() { return kAvx2 ? "avx2" : "baseline"; }

namespace {
// Variance of the 4-neighbour Laplacian (4c - up - down - left - right) of the 8-bit luma over the interior pixels, in
// exact integer sums (see sharpness in frame-features.ts): high for a crisp picture, low for a blurred one.
double LaplacianVariance(const uint8_t* luma, int width, int height) {
  if (width < 3 || height < 3) return 0;
  int64_t sum = 0, sumSq = 0;
  for (int y = 1; y + 1 < height; y++) {
    const uint8_t* up = luma + size_t(y - 1) * width;
    const uint8_t* row = luma + size_t(y) * width;
    const uint8_t* down = luma + size_t(y + 1) * width;
    int32_t rowSum = 0;
    int64_t rowSq = 0;
    for (int x = 1; x + 1 < width; x++) {
      const int32_t l = 4 * int32_t(row[x]) - up[x] - down[x] - row[x - 1] - row[x + 1];
      rowSum += l;
      rowSq += l * l;
    }
    sum += rowSum;
    sumSq += rowSq;
  }
  const double m = double(width - 2) * double(height - 2);
  const double mean = double(sum) / m;
  return std::max(0.0, double(sumSq) / m - mean * mean);
}
}  // namespace

void FrameFeatures(const uint8_t* rgb, int width, int height, const FeatureParams& p, FeatureOut& out) {
  const int hB = p.hBins, sB = p.sBins, vB = p.vBins;
  const int bins = hB * sB * vB;
  const size_t n = size_t(width) * height;

  // Four interleaved sub-histograms: consecutive pixels often share a bin, and one table would serialise on it.
  tCounts.assign(size_t(bins) * 4, 0);
  uint32_t* counts = tCounts.data();
  tGrey.resize(n);
  tPlanes.resize(size_t(width) * 3);
  tLuma.resize(n);
  tBins.resize(width);
  uint8_t* grey = tGrey.data();
  uint8_t* planes = tPlanes.data();
  uint8_t* lumaImage = tLuma.data();
  int32_t* bin = tBins.data();
  const RowBins rowBins{hB, sB, vB, p.levels};

  int xStart[kThumbWidth], xEnd[kThumbWidth];
  for (int t = 0; t < kThumbWidth; t++) CellRange(t, kThumbWidth, width, &xStart[t], &xEnd[t]);
  int yStart[kThumbHeight], yEnd[kThumbHeight];
  for (int t = 0; t < kThumbHeight; t++) CellRange(t, kThumbHeight, height, &yStart[t], &yEnd[t]);
  constexpr int kCW = kColourThumbWidth, kCH = kColourThumbHeight;
  int cxStart[kCW], cxEnd[kCW];
  for (int t = 0; t < kCW; t++) CellRange(t, kCW, width, &cxStart[t], &cxEnd[t]);
  int cyStart[kCH], cyEnd[kCH];
  for (int t = 0; t < kCH; t++) CellRange(t, kCH, height, &cyStart[t], &cyEnd[t]);
  // Columns of each band of thumbnail rows: luma per band; R, G, B per band of the colour thumbnail.
  const size_t w = size_t(width);
  tLumaColumns.assign(kThumbHeight * w, 0u);
  tColourColumns.assign(kCH * 3 * w, 0u);
  uint32_t* lumaColumns = tLumaColumns.data();
  uint32_t* colourColumns = tColourColumns.data();

  uint64_t sum = 0, sumSq = 0;
  for (int y = 0; y < height; y++) {
    uint8_t* luma = lumaImage + size_t(y) * width;
    BinRow(rgb + size_t(y) * width * 3, planes, bin, luma, grey + size_t(y) * width, width, rowBins);
    int x = 0;
    for (; x + 4 <= width; x += 4) {
      counts[bin[x]]++;
      counts[bins + bin[x + 1]]++;
      counts[2 * bins + bin[x + 2]]++;
      counts[3 * bins + bin[x + 3]]++;
    }
    for (; x < width; x++) counts[bin[x]]++;
    uint64_t rowSum = 0, rowSq = 0;
    for (x = 0; x < width; x++) {
      rowSum += luma[x];
      rowSq += uint32_t(luma[x]) * luma[x];
    }
    sum += rowSum;
    sumSq += rowSq;
    for (int t = 0; t < kThumbHeight; t++) {
      if (y >= yStart[t] && y < yEnd[t]) AddRow(luma, lumaColumns + t * w, width);
    }
    // The colour thumbnail from the row's R, G and B planes (BinRow left them in `planes`).
    for (int t = 0; t < kCH; t++) {
      if (y < cyStart[t] || y >= cyEnd[t]) continue;
      for (int ch = 0; ch < 3; ch++) AddRow(planes + ch * w, colourColumns + (t * 3 + ch) * w, width);
    }
  }

  for (int k = 0; k < bins; k++) {
    const uint32_t c = counts[k] + counts[bins + k] + counts[2 * bins + k] + counts[3 * bins + k];
    out.hsv[k] = float(double(c) / double(n));
  }
  for (int ty = 0; ty < kThumbHeight; ty++) {
    for (int tx = 0; tx < kThumbWidth; tx++) {
      const uint64_t cells = uint64_t(xEnd[tx] - xStart[tx]) * uint64_t(yEnd[ty] - yStart[ty]);
      const uint64_t sum = SumColumns(lumaColumns + ty * w, xStart[tx], xEnd[tx]);
      out.thumb[ty * kThumbWidth + tx] = RoundedMean(sum, cells);
    }
  }
  for (int ty = 0; ty < kCH; ty++) {
    for (int tx = 0; tx < kCW; tx++) {
      const uint64_t cells = uint64_t(cxEnd[tx] - cxStart[tx]) * uint64_t(cyEnd[ty] - cyStart[ty]);
      for (int ch = 0; ch < 3; ch++) {
        const uint64_t sum = SumColumns(colourColumns + (ty * 3 + ch) * w, cxStart[tx], cxEnd[tx]);
        out.colourThumb[(ty * kCW + tx) * 3 + ch] = RoundedMean(sum, cells);
      }
    }
  }
  const double mean = double(sum) / double(n);
  const double variance = std::max(0.0, double(sumSq) / double(n) - mean * mean);
  out.meanLuma = mean / 255;
  out.stdLuma = std::sqrt(variance) / 255;
  out.sharpness = LaplacianVariance(lumaImage, width, height);
  GlcmProperties(grey, width, height, p.levels, p.offsets, p.offsetCount, out.glcm);
}

}  // namespace ycis
