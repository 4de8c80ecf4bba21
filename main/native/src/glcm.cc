// GLCM properties averaged over the offsets; the definition (scikit-image's symmetric, normed graycomatrix and
// graycoprops) is documented in main/services/keyframes/features/glcm.ts. Counts are integers; the properties are
// evaluated in the same order as there, so they match bit for bit.
#include <algorithm>
#include <cmath>
#include <vector>

#include "kernels.h"

namespace ycis {
namespace {

thread_local std::vector<uint32_t> tTables;
thread_local std::vector<uint8_t> tCodes;
thread_local std::vector<uint32_t> tCounts;

// Counts of one offset into counts (levels², not symmetric yet); returns the number of pixel pairs.
// Four interleaved tables so that runs of equal pairs (flat areas) do not serialise on one counter.
uint64_t CountPairs(const uint8_t* grey, int width, int height, int levels, int dx, int dy, uint32_t* counts) {
  const size_t cells = size_t(levels) * levels;
  const int x0 = std::max(0, -dx), x1 = std::min(width, width - dx);
  const int y0 = std::max(0, -dy), y1 = std::min(height, height - dy);
  std::fill(counts, counts + cells, 0u);
  if (x1 <= x0 || y1 <= y0) return 0;
  const ptrdiff_t shift = ptrdiff_t(dy) * width + dx;
  const int span = x1 - x0;
  if (levels <= 16) {
    // The pair (i, j) as one byte (i << 4) | j: a row's codes come from a vectorised loop, then are counted.
    tTables.assign(256 * 4, 0u);
    tCodes.resize(span);
    uint32_t* t = tTables.data();
    uint8_t* code = tCodes.data();
    for (int y = y0; y < y1; y++) {
      const uint8_t* a = grey + size_t(y) * width + x0;
      const uint8_t* b = a + shift;
      for (int x = 0; x < span; x++) code[x] = uint8_t((a[x] << 4) | b[x]);
      int x = 0;
      for (; x + 4 <= span; x += 4) {
        t[code[x]]++;
        t[256 + code[x + 1]]++;
        t[512 + code[x + 2]]++;
        t[768 + code[x + 3]]++;
      }
      for (; x < span; x++) t[code[x]]++;
    }
    for (int i = 0; i < levels; i++) {
      for (int j = 0; j < levels; j++) {
        const int c = (i << 4) | j;
        counts[i * levels + j] = t[c] + t[256 + c] + t[512 + c] + t[768 + c];
      }
    }
  } else {
    tTables.assign(cells * 4, 0u);
    uint32_t* t = tTables.data();
    for (int y = y0; y < y1; y++) {
      const uint8_t* a = grey + size_t(y) * width + x0;
      const uint8_t* b = a + shift;
      int x = 0;
      for (; x + 4 <= span; x += 4) {
        t[a[x] * levels + b[x]]++;
        t[cells + a[x + 1] * levels + b[x + 1]]++;
        t[2 * cells + a[x + 2] * levels + b[x + 2]]++;
        t[3 * cells + a[x + 3] * levels + b[x + 3]]++;
      }
      for (; x < span; x++) t[a[x] * levels + b[x]]++;
    }
    for (size_t k = 0; k < cells; k++) counts[k] = t[k] + t[cells + k] + t[2 * cells + k] + t[3 * cells + k];
  }
  return uint64_t(span) * uint64_t(y1 - y0);
}

void AddProperties(const uint32_t* counts, uint64_t pairs, int levels, double* out) {
  const double total = double(2 * pairs);
  double contrast = 0, homogeneity = 0, asm_ = 0, mean = 0;
  for (int i = 0; i < levels; i++) {
    for (int j = 0; j < levels; j++) {
      const double p = double(counts[i * levels + j] + counts[j * levels + i]) / total;
      const double d2 = double((i - j) * (i - j));
      contrast += p * d2;
      homogeneity += p / (1 + d2);
      asm_ += p * p;
      mean += i * p;
    }
  }
  double variance = 0, covariance = 0;
  for (int i = 0; i < levels; i++) {
    for (int j = 0; j < levels; j++) {
      const double p = double(counts[i * levels + j] + counts[j * levels + i]) / total;
      variance += p * (i - mean) * (i - mean);
      covariance += p * (i - mean) * (j - mean);
    }
  }
  const double sigma = std::sqrt(variance);
  out[0] += contrast;
  out[1] += sigma < 1e-15 ? 1.0 : covariance / (sigma * sigma);
  out[2] += std::sqrt(asm_);
  out[3] += homogeneity;
}

}  // namespace

void GlcmProperties(const uint8_t* grey, int width, int height, int levels, const int32_t* offsets, int offsetCount,
                    double* out) {
  std::fill(out, out + 4, 0.0);
  tCounts.resize(size_t(levels) * levels);
  uint32_t* counts = tCounts.data();
  int used = 0;
  for (int k = 0; k < offsetCount; k++) {
    const uint64_t pairs = CountPairs(grey, width, height, levels, offsets[2 * k], offsets[2 * k + 1], counts);
    if (pairs == 0) continue;
    AddProperties(counts, pairs, levels, out);
    used++;
  }
  if (used == 0) {
    out[0] = 0;
    out[1] = out[2] = out[3] = 1;
    return;
  }
  for (int k = 0; k < 4; k++) out[k] /= used;
}

}  // namespace ycis
