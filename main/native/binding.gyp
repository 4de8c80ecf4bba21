# The per-frame feature and clustering kernels (see src/kernels.h), and the reader that feeds them straight from
# ffmpeg's output (src/frame_reader.cc). Built by build.js (the package's install script).
# -ffp-contract=off: no fused multiply-add, so every double matches the TypeScript reference bit for bit;
# -fno-trapping-math (no effect on results) lets the compiler vectorise the per-pixel float divisions.
{
  "targets": [
    {
      "target_name": "your_cartoon_kernels",
      "sources": [
        "src/addon.cc",
        "src/frame_features.cc",
        "src/frame_reader.cc",
        "src/glcm.cc",
        "src/similarity.cc",
        "src/spawn.cc",
        "src/cluster.cc",
        "src/toon.cc",
        "src/yuv.cc"
      ],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")"],
      "defines": ["NAPI_VERSION=8", "NAPI_DISABLE_CPP_EXCEPTIONS", "NODE_ADDON_API_DISABLE_DEPRECATED"],
      "cflags!": ["-O2"],
      "cflags_cc!": ["-O2"],
      "cflags": ["-O3", "-ffp-contract=off", "-fno-trapping-math"],
      "cflags_cc": ["-O3", "-ffp-contract=off", "-fno-trapping-math", "-std=c++17"],
      "xcode_settings": {
        "GCC_OPTIMIZATION_LEVEL": "3",
        "CLANG_CXX_LANGUAGE_STANDARD": "c++17",
        "OTHER_CFLAGS": ["-ffp-contract=off", "-fno-trapping-math"],
        "MACOSX_DEPLOYMENT_TARGET": "11.0"
      },
      "msvs_settings": {
        "VCCLCompilerTool": { "Optimization": 2, "AdditionalOptions": ["/std:c++17", "/fp:precise"] }
      }
    }
  ]
}
