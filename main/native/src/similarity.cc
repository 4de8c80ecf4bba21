// Similarities; definitions and summation order as in main/services/keyframes/features/similarity.ts.
#include <algorithm>
#include <cmath>

#include "kernels.h"

namespace ycis {

// Four interleaved lanes combined as (s0 + s1) + (s2 + s3): the reference's order, and one a compiler can vectorise.
template <typename A, typename B>
double HistogramIntersection(const A* a, const B* b, size_t n) {
  double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    s0 += std::min(double(a[i]), double(b[i]));
    s1 += std::min(double(a[i + 1]), double(b[i + 1]));
    s2 += std::min(double(a[i + 2]), double(b[i + 2]));
    s3 += std::min(double(a[i + 3]), double(b[i + 3]));
  }
  for (; i < n; i++) s0 += std::min(double(a[i]), double(b[i]));
  return (s0 + s1) + (s2 + s3);
}

template double HistogramIntersection<float, float>(const float*, const float*, size_t);
template double HistogramIntersection<float, double>(const float*, const double*, size_t);
template double HistogramIntersection<double, float>(const double*, const float*, size_t);
template double HistogramIntersection<double, double>(const double*, const double*, size_t);

double GlcmSimilarity(const double* a, const double* b) {
  const double d = std::fabs(a[0] - b[0]) / (a[0] + b[0] + 1) + std::fabs(a[1] - b[1]) / 2 + std::fabs(a[2] - b[2]) +
                   std::fabs(a[3] - b[3]);
  return std::min(1.0, std::max(0.0, 1 - d / 4));
}

double ThumbDifference(const uint8_t* a, const uint8_t* b, size_t n) {
  uint64_t sum = 0;
  for (size_t i = 0; i < n; i++) sum += uint64_t(std::abs(int(a[i]) - int(b[i])));
  return n == 0 ? 0.0 : double(sum) / (double(n) * 255);
}

}  // namespace ycis
