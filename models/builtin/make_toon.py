#!/usr/bin/python3
"""Builds models/builtin/toon.onnx: the app's own cartoon style, made only of fixed standard ONNX operators.

No learned weights: every constant below is written here, so the file is the project's own work and can be
rebuilt byte for byte (models/builtin/toon.test.ts checks that). Needs the `onnx` and `numpy` Python packages
(Debian: apt-get install python3-onnx python3-numpy).

    /usr/bin/python3 models/builtin/make_toon.py [OUTPUT]      (default: models/builtin/toon.onnx)

Graph (input `image` NCHW [1,3,H,W] RGB in [0,1], any H and W >= 1; output `cartoon`, same layout and range):
  1. edge-preserving smoothing: three passes of a per-channel self-guided filter (He et al., "Guided Image
     Filtering"), its box means from AveragePool counting only pixels inside the image, so there is no dark
     border and no size constraint;
  2. colour quantisation: luminance is cut into soft-edged bands while chroma is kept, so hues survive and
     each region turns into flat cel-shaded tones; a mild saturation lift keeps it from looking washed out;
  3. ink lines: a difference of Gaussian-like blurs on the smoothed luminance, soft-thresholded, multiplied in.
"""
import sys
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = 13
IR_VERSION = 7

# Smoothing: (box radius, eps) per guided-filter pass. eps is a variance in [0,1]^2 units: detail whose local
# variance is well below it is flattened, edges well above it are kept.
SMOOTH_PASSES = [(3, 0.004), (3, 0.004), (2, 0.002)]
# Lines are drawn from the luminance after this many passes: enough to drop noise, not the features.
LINE_SOURCE_PASS = 2
# Luminance bands and how soft their steps are (1 = linear ramp across the whole band, larger = harder steps).
LUMA_LEVELS = 7
BAND_HARDNESS = 5.0
SATURATION = 1.25
# Lines: a difference of two box-cascade blurs (sigma ~1.15 and ~1.63 px), so they are 1-3 px wide whatever the
# image size (process large frames at a working size for thicker lines); a pixel is inked where
# (blur_small - blur_large) < -LINE_EPS, fully at -LINE_FULL.
LINE_SMALL = [1, 1]
LINE_LARGE = [2, 1]
LINE_EPS = 0.003
LINE_FULL = 0.015
LINE_STRENGTH = 0.9

LUMA = [0.299, 0.587, 0.114]


class Graph:
    """Tiny helper: unique names, constants as initializers, nodes in order."""

    def __init__(self):
        self.nodes, self.inits, self.count = [], [], 0

    def name(self, op):
        self.count += 1
        return f"{op.lower()}_{self.count}"

    def const(self, value, dtype=np.float32):
        arr = np.asarray(value, dtype=dtype)
        n = self.name("c")
        self.inits.append(numpy_helper.from_array(arr, n))
        return n

    def op(self, op_type, inputs, outputs=1, **attrs):
        outs = [self.name(op_type) for _ in range(outputs)]
        self.nodes.append(helper.make_node(op_type, inputs, outs, name=outs[0], **attrs))
        return outs[0] if outputs == 1 else outs


def kernel(values):
    """Constants are rounded so that libm differences between machines cannot change the written bytes."""
    return np.round(np.asarray(values, dtype=np.float64), 7).astype(np.float32)


def box_mean(g, x, r):
    """Mean over the (2r+1)^2 window, counting only pixels inside the image (so borders are not darkened and
    any size >= 1 works). One 2-D pool: onnxruntime's pooling kernel beats two separable passes at these sizes."""
    k = 2 * r + 1
    return g.op("AveragePool", [x], kernel_shape=[k, k], pads=[r, r, r, r], count_include_pad=0)


def blur(g, x, radii):
    """A Gaussian-like blur as a cascade of box means (variance r(r+1)/3 each): cheaper than Conv on the CPU."""
    for r in radii:
        x = box_mean(g, x, r)
    return x


def luma(g, rgb):
    weighted = g.op("Mul", [rgb, g.const(kernel(LUMA).reshape(1, 3, 1, 1))])
    return g.op("ReduceSum", [weighted, g.const([1], np.int64)], keepdims=1)


def guided_self(g, p, r, eps):
    """Per-channel guided filter with the image as its own guide: q = mean(a)*p + mean(b)."""
    mean = box_mean(g, p, r)
    mean_sq = box_mean(g, g.op("Mul", [p, p]), r)
    var = g.op("Relu", [g.op("Sub", [mean_sq, g.op("Mul", [mean, mean])])])
    a = g.op("Div", [var, g.op("Add", [var, g.const(eps)])])
    b = g.op("Sub", [mean, g.op("Mul", [a, mean])])
    return g.op("Add", [g.op("Mul", [box_mean(g, a, r), p]), box_mean(g, b, r)])


def soft_bands(g, y):
    """Luminance cut into LUMA_LEVELS bands, each a flat tone with a short ramp to the next (continuous)."""
    t = g.op("Mul", [y, g.const(float(LUMA_LEVELS))])
    base = g.op("Floor", [t])
    frac = g.op("Sub", [t, base])
    ramp = g.op("Add", [g.op("Mul", [g.op("Sub", [frac, g.const(0.5)]), g.const(BAND_HARDNESS)]), g.const(0.5)])
    step = g.op("Clip", [ramp, g.const(0.0), g.const(1.0)])
    return g.op("Div", [g.op("Add", [base, step]), g.const(float(LUMA_LEVELS))])


def build():
    g = Graph()
    s = line_src = "image"
    for i, (r, eps) in enumerate(SMOOTH_PASSES):
        s = guided_self(g, s, r, eps)
        if i + 1 == LINE_SOURCE_PASS:
            line_src = s
    y = luma(g, s)
    # Chroma is kept (and lifted a little); luminance is replaced by its banded version.
    chroma = g.op("Mul", [g.op("Sub", [s, y]), g.const(SATURATION)])
    flat = g.op("Add", [chroma, soft_bands(g, y)])
    # Ink: dark side of strong luminance edges of the smoothed image.
    yl = luma(g, line_src)
    dog = g.op("Sub", [blur(g, yl, LINE_SMALL), blur(g, yl, LINE_LARGE)])
    ink = g.op("Clip", [
        g.op("Div", [g.op("Sub", [g.op("Neg", [dog]), g.const(LINE_EPS)]), g.const(LINE_FULL - LINE_EPS)]),
        g.const(0.0), g.const(1.0),
    ])
    shade = g.op("Sub", [g.const(1.0), g.op("Mul", [ink, g.const(LINE_STRENGTH)])])
    out = g.op("Clip", [g.op("Mul", [flat, shade]), g.const(0.0), g.const(1.0)])
    g.nodes.append(helper.make_node("Identity", [out], ["cartoon"], name="cartoon"))

    dims = [1, 3, "height", "width"]
    graph = helper.make_graph(
        g.nodes, "toon",
        [helper.make_tensor_value_info("image", TensorProto.FLOAT, dims)],
        [helper.make_tensor_value_info("cartoon", TensorProto.FLOAT, dims)],
        initializer=g.inits,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)])
    model.ir_version = IR_VERSION
    model.producer_name = "your-cartoon-is models/builtin/make_toon.py"
    model.doc_string = (
        "Your Cartoon Is built-in cartoon style. Input 'image' NCHW [1,3,H,W] RGB [0,1]; output 'cartoon' same. "
        "Any H, W >= 1. Project's own work, no learned weights."
    )
    onnx.checker.check_model(model)
    return model


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("toon.onnx")
    data = build().SerializeToString()
    out.write_bytes(data)
    print(f"{out}: {len(data)} bytes")


if __name__ == "__main__":
    main()
