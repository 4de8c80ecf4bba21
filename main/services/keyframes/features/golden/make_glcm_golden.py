#!/usr/bin/python3
"""Golden GLCM properties from scikit-image, the independent implementation our kernels are checked against.

For each test image (deterministic numpy images made here, plus the quantised grey images of two lavfi frames read
from frame-greys.json) and each offset [dx, dy], it runs scikit-image's graycomatrix(symmetric=True, normed=True) and
graycoprops (contrast, correlation, energy, homogeneity), and writes glcm-golden.json with the grey image itself (so
the test reproduces the input exactly), the properties per offset and their mean over the offsets (what
FeatureKernels.glcmProperties returns).

Regenerate (Debian: apt-get install -y python3-skimage; the pyenv python3 on PATH lacks it), from the repo root:
    node --import tsx main/services/keyframes/features/golden/export-frame-greys.ts   # only if frame-greys.json changes
    /usr/bin/python3 main/services/keyframes/features/golden/make_glcm_golden.py
Checked by main/services/keyframes/features/golden/glcm-golden.test.ts.
"""
import json
import math
import os

import numpy as np
import skimage
from skimage.feature import graycomatrix, graycoprops

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OFFSETS = [[1, 0], [0, 1], [1, 1], [-1, 1]]


def skimage_offset(dx, dy):
    """[dx, dy] as scikit-image's (distance, angle): row offset round(sin(angle)·d) = dy, column offset
    round(cos(angle)·d) = dx. The symmetric GLCM of (dx, dy) equals that of (−dx, −dy), so offsets pointing
    upwards are flipped to keep the angle in [0, π) as scikit-image documents it."""
    if dy < 0 or (dy == 0 and dx < 0):
        dx, dy = -dx, -dy
    distance, angle = math.hypot(dx, dy), math.atan2(dy, dx)
    assert round(math.sin(angle) * distance) == dy and round(math.cos(angle) * distance) == dx
    return distance, angle


def properties(grey, levels, offsets):
    per_offset = []
    for dx, dy in offsets:
        distance, angle = skimage_offset(dx, dy)
        P = graycomatrix(grey, [distance], [angle], levels=levels, symmetric=True, normed=True)
        props = [float(graycoprops(P, p)[0, 0]) for p in ('contrast', 'correlation', 'energy', 'homogeneity')]
        per_offset.append({'offset': [dx, dy], 'properties': props})
    mean = [float(np.mean([o['properties'][k] for o in per_offset])) for k in range(4)]
    return per_offset, mean


def case(name, grey, levels, offsets=DEFAULT_OFFSETS):
    grey = np.asarray(grey, dtype=np.uint8)
    assert grey.max() < levels
    per_offset, mean = properties(grey, levels, offsets)
    h, w = grey.shape
    return {'name': name, 'width': w, 'height': h, 'levels': levels, 'offsets': offsets,
            'grey': grey.flatten().tolist(), 'perOffset': per_offset, 'mean': mean}


def main():
    rng = np.random.RandomState(20161)
    y, x = np.mgrid[0:30, 0:40]
    gradient = np.clip((x * 0.3 + y * 0.2 + rng.normal(0, 1.2, (30, 40))), 0, 15).astype(np.uint8)
    blocks = np.kron(rng.randint(0, 8, (4, 5)), np.ones((3, 3), dtype=int))[:11, :13]
    cases = [
        case('random 16 levels 24x17', rng.randint(0, 16, (17, 24)), 16),
        case('gradient with noise 40x30', gradient, 16),
        case('checkerboard 8x8', (np.indices((8, 8)).sum(axis=0) % 2) * 15, 16),
        case('uniform 5x4', np.full((4, 5), 7), 16),
        case('two rows 6x2', [[0, 1, 2, 3, 4, 5], [5, 4, 3, 2, 1, 0]], 16),
        case('blocks 8 levels 13x11, far offsets', blocks, 8, [[3, 0], [0, -2], [-5, 5], [2, 1]]),
        case('random 64 levels 20x20', rng.randint(0, 64, (20, 20)), 64),
    ]
    with open(os.path.join(HERE, 'frame-greys.json')) as f:
        for frame in json.load(f)['frames']:
            grey = np.array(frame['grey']).reshape(frame['height'], frame['width'])
            cases.append(case(frame['name'], grey, frame['levels']))
    out = {'generator': f'scikit-image {skimage.__version__} graycomatrix(symmetric=True, normed=True) + graycoprops, '
                        f'numpy {np.__version__}; made by make_glcm_golden.py',
           'cases': cases}
    with open(os.path.join(HERE, 'glcm-golden.json'), 'w') as f:
        json.dump(out, f, separators=(',', ':'))
        f.write('\n')
    print(f'wrote {len(cases)} cases')


if __name__ == '__main__':
    main()
