// The per-frame feature and clustering kernels in plain C++ (no N-API here; addon.cc binds them).
// Every definition follows the TypeScript reference in main/services/keyframes/features/ exactly: same integer
// arithmetic per pixel, same order of floating-point operations, so the results agree bit for bit.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace ycis {

constexpr int kThumbWidth = 32;
constexpr int kThumbHeight = 18;
constexpr int kColourThumbWidth = 16;
constexpr int kColourThumbHeight = 9;

struct FeatureParams {
  int hBins, sBins, vBins;
  int levels;
  const int32_t* offsets;  // [dx0, dy0, dx1, dy1, ...]
  int offsetCount;
};

struct FeatureOut {
  float* hsv;      // hBins · sBins · vBins
  double* glcm;    // contrast, correlation, energy, homogeneity
  uint8_t* thumb;        // kThumbWidth · kThumbHeight
  uint8_t* colourThumb;  // kColourThumbWidth · kColourThumbHeight · 3 (RGB)
  double meanLuma;
  double stdLuma;
  double sharpness;  // variance of the 4-neighbour Laplacian of the 8-bit luma over interior pixels (0 if none)
};

// frame_features.cc: one pass over the RGB24 frame for the HSV histogram, the luma statistics, the quantised grey
// image and the two thumbnails; then the GLCM properties of the grey image.
void FrameFeatures(const uint8_t* rgb, int width, int height, const FeatureParams& p, FeatureOut& out);
// Which row-binning code runs: "avx2" (chosen at load time on x86 CPUs that have it) or "baseline".
const char* SimdPath();

// glcm.cc: properties averaged over the offsets; `grey` values must be < levels.
void GlcmProperties(const uint8_t* grey, int width, int height, int levels, const int32_t* offsets, int offsetCount,
                    double* out);

// similarity.cc
template <typename A, typename B>
double HistogramIntersection(const A* a, const B* b, size_t n);
double GlcmSimilarity(const double* a, const double* b);
double ThumbDifference(const uint8_t* a, const uint8_t* b, size_t n);

// cluster.cc: the sequential clustering of one shot. Fills clusterOf (one entry per frame) and, per cluster,
// its key member and score.
struct ClusterResult {
  std::vector<int32_t> clusterOf;
  std::vector<int32_t> keyMember;
  std::vector<double> score;
};
void ClusterShot(const std::vector<const float*>& hsv, const std::vector<const double*>& glcm, size_t bins,
                 double histogramWeight, double delta, ClusterResult& result);

// The built-in cartoon style (models/builtin/toon.onnx) on a planar RGB float image in [0, 1] ([3][h][w]), into
// `out` of the same layout (see toon.cc).
void ToonFilter(const float* in, int width, int height, float* out);
// The same from packed RGB24 to packed RGB24, converting as the stylize pipeline does for one whole tile.
void ToonFilterRgb(const uint8_t* rgb, int width, int height, uint8_t* out);

// Planar 8-bit YCbCr 4:2:0 (Y, then Cb and Cr at ceil(w/2) x ceil(h/2)) to packed RGB24 of width x height x 3 bytes,
// BT.709 or BT.601, limited or full range (see yuv.cc).
void Yuv420ToRgb(const uint8_t* src, int width, int height, bool bt709, bool fullRange, uint8_t* out);

}  // namespace ycis
