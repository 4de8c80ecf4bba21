// The sequential clustering of one shot; the method and every tie rule are documented in
// main/services/keyframes/features/cluster-shot.ts, and the arithmetic follows it operation for operation.
#include <cmath>
#include <limits>

#include "kernels.h"

namespace ycis {
namespace {

struct Centroid {
  std::vector<double> hsv;
  double glcm[4];
  int32_t size;
};

inline double SimilarityTo(const float* hsv, const double* glcm, const Centroid& c, size_t bins, double w) {
  return w * HistogramIntersection(hsv, c.hsv.data(), bins) + (1 - w) * GlcmSimilarity(glcm, c.glcm);
}

}  // namespace

void ClusterShot(const std::vector<const float*>& hsv, const std::vector<const double*>& glcm, size_t bins,
                 double w, double delta, ClusterResult& result) {
  const size_t frames = hsv.size();
  std::vector<Centroid> clusters;
  result.clusterOf.assign(frames, -1);
  for (size_t f = 0; f < frames; f++) {
    int32_t best = -1;
    double bestSim = -std::numeric_limits<double>::infinity();
    for (size_t c = 0; c < clusters.size(); c++) {
      const double sim = SimilarityTo(hsv[f], glcm[f], clusters[c], bins, w);
      if (sim > bestSim) {
        bestSim = sim;
        best = int32_t(c);
      }
    }
    if (best < 0 || bestSim < delta) {
      Centroid c;
      c.hsv.assign(hsv[f], hsv[f] + bins);
      for (int k = 0; k < 4; k++) c.glcm[k] = glcm[f][k];
      c.size = 1;
      result.clusterOf[f] = int32_t(clusters.size());
      clusters.push_back(std::move(c));
      continue;
    }
    Centroid& c = clusters[best];
    const double d = c.size;
    const double keep = d / (d + 1), add = 1 / (d + 1);
    for (size_t i = 0; i < bins; i++) c.hsv[i] = c.hsv[i] * keep + double(hsv[f][i]) * add;
    for (int k = 0; k < 4; k++) c.glcm[k] = c.glcm[k] * keep + glcm[f][k] * add;
    c.size++;
    result.clusterOf[f] = best;
  }
  const size_t n = clusters.size();
  result.keyMember.assign(n, -1);
  result.score.assign(n, 0.0);
  std::vector<double> keySim(n, -std::numeric_limits<double>::infinity());
  for (size_t f = 0; f < frames; f++) {  // members are visited in order, as the reference does per cluster
    const int32_t c = result.clusterOf[f];
    const double sim = SimilarityTo(hsv[f], glcm[f], clusters[c], bins, w);
    result.score[c] += sim;
    if (sim > keySim[c]) {
      keySim[c] = sim;
      result.keyMember[c] = int32_t(f);
    }
  }
  for (size_t c = 0; c < n; c++) result.score[c] /= clusters[c].size;
}

}  // namespace ycis
