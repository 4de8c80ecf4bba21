#!/usr/bin/python3
"""Export a CartoonGAN generator (PyTorch weights) to ONNX with dynamic height and width.

Architecture: the generator of Chen et al., "CartoonGAN" (CVPR 2018) as ported to PyTorch by Yijun Li
(github.com/Yijunmaverick/CartoonGAN-Test-Pytorch-Torch, network/Transformer.py):
  reflect-pad 3, conv 7x7 -> C, IN, ReLU
  conv 3x3/2 -> 2C, conv 3x3, IN, ReLU          (down 1)
  conv 3x3/2 -> 4C, conv 3x3, IN, ReLU          (down 2)
  8 residual blocks: [reflect-pad 1, conv 3x3, IN, ReLU, reflect-pad 1, conv 3x3, IN] + skip
  convT 3x3/2 -> 2C, conv 3x3, IN, ReLU         (up 1)
  convT 3x3/2 -> C, conv 3x3, IN, ReLU          (up 2)
  reflect-pad 3, conv 7x7 -> 3, tanh
with C = 64 and the port's own InstanceNormalization (learned `scale`/`shift`, biased variance, eps 1e-9).
Parameter names match the port's state dict, so its `<Style>_net_G_float.pth` loads unchanged.

I/O convention (the port's test.py): RGB image -> BGR -> [0,1] -> x*2-1, NCHW [1,3,H,W]; output tanh, BGR,
[-1,1], NCHW. H and W must be multiples of 4. Names: input 'input', output 'output' (models/catalog.json).

Exporting the official weights (Hayao, Hosoda, Paprika, Shinkai):
  wget http://vllab1.ucmerced.edu/~yli62/CartoonGAN/pytorch_pth/Hayao_net_G_float.pth
  /usr/bin/python3 models/export/cartoongan_to_onnx.py Hayao_net_G_float.pth -o cartoongan_hayao.onnx
Tests use a small seeded random model instead:
  /usr/bin/python3 models/export/cartoongan_to_onnx.py --random-weights --channels 8 --blocks 2 -o t.onnx --check 32x48,44x20
Requires Debian packages python3-torch (1.13) and python3-numpy; python3-onnx for the optional graph check.
"""
import argparse
import json
import os
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
from export_common import add_common_args, export_onnx, parse_sizes, write_check_files


class InstanceNormalization(nn.Module):
    """The port's instance norm: per-image, per-channel statistics with learned scale and shift, eps 1e-9."""

    def __init__(self, channels, eps=1e-9):
        super().__init__()
        self.scale = nn.Parameter(torch.empty(channels).uniform_())
        self.shift = nn.Parameter(torch.zeros(channels))
        self.eps = eps

    def forward(self, x):
        # F.instance_norm uses the biased variance, as the port does by rescaling torch.var; it exports as ONNX
        # InstanceNormalization, which onnxruntime runs fused.
        return F.instance_norm(x, weight=self.scale, bias=self.shift, eps=self.eps)


class CartoonGanGenerator(nn.Module):
    """Same layers and parameter names as the port's Transformer; width and block count are parameters for tests."""

    def __init__(self, channels=64, blocks=8):
        super().__init__()
        c1, c2, c4 = channels, channels * 2, channels * 4
        self.blocks = blocks
        self.conv01_1 = nn.Conv2d(3, c1, 7)
        self.in01_1 = InstanceNormalization(c1)
        self.conv02_1 = nn.Conv2d(c1, c2, 3, 2, 1)
        self.conv02_2 = nn.Conv2d(c2, c2, 3, 1, 1)
        self.in02_1 = InstanceNormalization(c2)
        self.conv03_1 = nn.Conv2d(c2, c4, 3, 2, 1)
        self.conv03_2 = nn.Conv2d(c4, c4, 3, 1, 1)
        self.in03_1 = InstanceNormalization(c4)
        # Residual blocks are numbered 04..11 in the port's names.
        for n in self._block_numbers():
            for half in (1, 2):
                setattr(self, f'conv{n:02d}_{half}', nn.Conv2d(c4, c4, 3))
                setattr(self, f'in{n:02d}_{half}', InstanceNormalization(c4))
        self.deconv01_1 = nn.ConvTranspose2d(c4, c2, 3, 2, 1, 1)
        self.deconv01_2 = nn.Conv2d(c2, c2, 3, 1, 1)
        self.in12_1 = InstanceNormalization(c2)
        self.deconv02_1 = nn.ConvTranspose2d(c2, c1, 3, 2, 1, 1)
        self.deconv02_2 = nn.Conv2d(c1, c1, 3, 1, 1)
        self.in13_1 = InstanceNormalization(c1)
        self.deconv03_1 = nn.Conv2d(c1, 3, 7)

    def _block_numbers(self):
        return range(4, 4 + self.blocks)

    def forward(self, x):
        y = F.relu(self.in01_1(self.conv01_1(F.pad(x, (3, 3, 3, 3), mode='reflect'))))
        y = F.relu(self.in02_1(self.conv02_2(self.conv02_1(y))))
        y = F.relu(self.in03_1(self.conv03_2(self.conv03_1(y))))
        for n in self._block_numbers():
            conv1, norm1 = getattr(self, f'conv{n:02d}_1'), getattr(self, f'in{n:02d}_1')
            conv2, norm2 = getattr(self, f'conv{n:02d}_2'), getattr(self, f'in{n:02d}_2')
            h = F.relu(norm1(conv1(F.pad(y, (1, 1, 1, 1), mode='reflect'))))
            y = y + norm2(conv2(F.pad(h, (1, 1, 1, 1), mode='reflect')))
        y = F.relu(self.in12_1(self.deconv01_2(self.deconv01_1(y))))
        y = F.relu(self.in13_1(self.deconv02_2(self.deconv02_1(y))))
        return torch.tanh(self.deconv03_1(F.pad(y, (3, 3, 3, 3), mode='reflect')))


def load_weights(model, path):
    state = torch.load(path, map_location='cpu')
    if isinstance(state, dict) and 'state_dict' in state:
        state = state['state_dict']
    state = {k[len('module.'):] if k.startswith('module.') else k: v for k, v in state.items()}
    missing, unexpected = model.load_state_dict(state, strict=False)
    if missing or unexpected:
        sys.exit(f'{path}: not a CartoonGAN generator state dict (missing {missing[:4]}, unexpected {unexpected[:4]})')


def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('weights', nargs='?', help='<Style>_net_G_float.pth of the PyTorch port')
    p.add_argument('--channels', type=int, default=64, help='base width C (64 in the real model; smaller for tests)')
    p.add_argument('--blocks', type=int, default=8, help='residual blocks (8 in the real model)')
    p.add_argument('--list-params', action='store_true', help='print the state dict names and shapes as JSON, export nothing')
    add_common_args(p)
    args = p.parse_args()
    if not args.weights and not args.random_weights:
        p.error('give a .pth file or --random-weights')
    if not args.output and not args.list_params:
        p.error('-o/--output is required')
    if args.weights and (args.channels != 64 or args.blocks != 8):
        p.error('--channels/--blocks only apply to --random-weights')

    torch.manual_seed(args.seed)
    model = CartoonGanGenerator(args.channels, args.blocks)
    if args.weights:
        load_weights(model, args.weights)
    model.eval()
    if args.list_params:
        print(json.dumps({k: list(v.shape) for k, v in model.state_dict().items()}))
        return

    sizes = parse_sizes(args.check) if args.check else [(64, 64)]
    examples = [torch.rand(1, 3, h, w) * 2 - 1 for h, w in sizes]
    axes = {0: 'batch', 2: 'height', 3: 'width'}
    export_onnx(model, (examples[0],), args.output, ['input'], ['output'], {'input': axes, 'output': axes}, args.opset)
    if args.check:
        with torch.no_grad():
            write_check_files(args.output, [({'input': x}, {'output': model(x)}) for x in examples])
    print(json.dumps({'onnx': os.path.abspath(args.output), 'channels': args.channels, 'blocks': args.blocks}))


if __name__ == '__main__':
    main()
