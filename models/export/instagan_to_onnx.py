#!/usr/bin/python3
"""Export an InstaGAN generator (PyTorch checkpoint) to ONNX: an image plus K instance masks in, both translated out.

Architecture: ResnetSetGenerator of Mo et al., "InstaGAN: Instance-aware Image-to-Image Translation" (ICLR 2019),
github.com/sangwoomo/instagan, models/networks.py, with the repository's defaults (--netG set --norm instance
--no_dropout, ngf 64, 9 residual blocks, InstanceNorm2d without affine parameters so convs carry biases):
  encoder_img:  image (3 ch) -> reflect-pad 3, conv 7x7 -> ngf, IN, ReLU, 2 x [conv 3x3/2, IN, ReLU], 9 res blocks
  encoder_seg:  each mask (1 ch), same layout, its own weights
  set feature:  sum of the mask encodings over the (non-empty) instances
  decoder_img:  [enc_img, set]           -> 2 x [convT 3x3/2, IN, ReLU], reflect-pad 3, conv 7x7 -> 3, tanh
  decoder_seg:  [enc_mask_k, enc_img, set] per instance -> same layout -> 1 channel, tanh
Empty masks (all -1) are left out of the set sum and returned unchanged, as the original forward does (when every
mask is empty, the first is still encoded). The original loops over instances in Python; here the instances are
one batch through the shared encoder/decoder with a 0/1 weight per instance, which is the same arithmetic
(instance norm is per sample) and exports to a graph with a dynamic instance count.

ONNX signature (models/catalog.json entry 'instagan-*'):
  inputs  image     [1, 3, H, W] RGB in [-1, 1] (CycleGAN's Normalize(0.5, 0.5), NCHW)
          masks     [1, K, H, W] in [-1, 1]: 1 inside instance k, -1 outside, all -1 for an unused slot
  outputs image_out [1, 3, H, W] translated image, RGB [-1, 1]
          masks_out [1, K, H, W] translated masks, [-1, 1]
H and W: multiples of 4; K is dynamic (any K >= 1), but the released models were trained and are tested with
K = ins_per = 2 instances per mini-batch (sequential mini-batch translation: main/services/stylize/instagan).

Exporting the official checkpoints (Google Drive folder linked from the repository's README, "Apply a
pre-trained model": pants2skirt_mhp_instagan and shp2gir_coco_instagan, files such as 200_net_G_A.pth or
latest_net_G_A.pth; G_A translates domain A -> B, e.g. pants -> skirt, sheep -> giraffe; G_B the reverse):
  /usr/bin/python3 models/export/instagan_to_onnx.py checkpoints/shp2gir_coco_instagan/latest_net_G_A.pth \
      -o instagan_shp2gir.onnx
The authors test at 200x200 (shp2gir) and 240x160 (HxW, pants2skirt). Tests use a small seeded random model:
  /usr/bin/python3 models/export/instagan_to_onnx.py --random-weights --ngf 4 --blocks 1 -o t.onnx --check 32x24
Requires Debian packages python3-torch (1.13) and python3-numpy; python3-onnx for the optional graph check.
"""
import argparse
import json
import sys

import torch
import torch.nn as nn

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
from export_common import add_common_args, export_onnx, parse_sizes, write_check_files


def norm(channels):
    return nn.InstanceNorm2d(channels, affine=False, track_running_stats=False)


class ResnetBlock(nn.Module):
    def __init__(self, dim):
        super().__init__()
        # Attribute name and layer order give the checkpoint's keys: conv_block.1.weight, conv_block.5.weight.
        self.conv_block = nn.Sequential(
            nn.ReflectionPad2d(1), nn.Conv2d(dim, dim, 3), norm(dim), nn.ReLU(True),
            nn.ReflectionPad2d(1), nn.Conv2d(dim, dim, 3), norm(dim))

    def forward(self, x):
        return x + self.conv_block(x)


def encoder(in_channels, ngf, blocks):
    layers = [nn.ReflectionPad2d(3), nn.Conv2d(in_channels, ngf, 7), norm(ngf), nn.ReLU(True)]
    for width in (ngf, ngf * 2):
        layers += [nn.Conv2d(width, width * 2, 3, stride=2, padding=1), norm(width * 2), nn.ReLU(True)]
    layers += [ResnetBlock(ngf * 4) for _ in range(blocks)]
    return nn.Sequential(*layers)


def decoder(out_channels, width):
    """width: the decoder's base width (2*ngf for the image, 3*ngf for a mask); input has 4*width channels."""
    layers = []
    for w in (width * 4, width * 2):
        layers += [nn.ConvTranspose2d(w, w // 2, 3, stride=2, padding=1, output_padding=1), norm(w // 2), nn.ReLU(True)]
    layers += [nn.ReflectionPad2d(3), nn.Conv2d(width, out_channels, 7), nn.Tanh()]
    return nn.Sequential(*layers)


class ResnetSetGenerator(nn.Module):
    def __init__(self, ngf=64, blocks=9):
        super().__init__()
        self.encoder_img = encoder(3, ngf, blocks)
        self.encoder_seg = encoder(1, ngf, blocks)
        self.decoder_img = decoder(3, 2 * ngf)
        self.decoder_seg = decoder(1, 3 * ngf)

    def forward(self, image, masks):
        segs = masks.transpose(0, 1)  # [K, 1, H, W]: the instances become a batch
        used = ((segs + 1).mean(dim=(1, 2, 3)) > 0)
        first = torch.arange(segs.shape[0]) == 0
        used = used | (first & ~used.any())  # all empty: still encode the first, like the original
        weight = used.to(image.dtype).view(-1, 1, 1, 1)
        enc_img = self.encoder_img(image)
        enc_segs = self.encoder_seg(segs)
        set_feature = (enc_segs * weight).sum(dim=0, keepdim=True)
        image_out = self.decoder_img(torch.cat([enc_img, set_feature], dim=1))
        per_instance = torch.cat([enc_segs, enc_img.expand_as(enc_segs), set_feature.expand_as(enc_segs)], dim=1)
        decoded = self.decoder_seg(per_instance)
        masks_out = torch.where(weight > 0, decoded, segs).transpose(0, 1)
        return image_out, masks_out

    def forward_reference(self, image, masks):
        """The original per-instance loop (networks.py), to check the batched forward against."""
        segs = masks
        mean = (segs + 1).mean(0).mean(-1).mean(-1)
        if mean.sum() == 0:
            mean[0] = 1
        enc_img = self.encoder_img(image)
        enc = [self.encoder_seg(segs[:, i:i + 1]) for i in range(segs.size(1)) if mean[i] > 0]
        total = torch.sum(torch.cat(enc), dim=0, keepdim=True)
        out_masks, idx = [], 0
        for i in range(segs.size(1)):
            if mean[i] > 0:
                out_masks.append(self.decoder_seg(torch.cat([enc[idx], enc_img, total], dim=1)))
                idx += 1
            else:
                out_masks.append(segs[:, i:i + 1])
        return self.decoder_img(torch.cat([enc_img, total], dim=1)), torch.cat(out_masks, dim=1)


def load_weights(model, path):
    state = torch.load(path, map_location='cpu')
    if hasattr(state, '_metadata'):
        del state._metadata
    # Checkpoints saved from DataParallel carry 'module.'; old PyTorch versions stored InstanceNorm running stats.
    state = {k[len('module.'):] if k.startswith('module.') else k: v for k, v in state.items()
             if not k.endswith(('running_mean', 'running_var', 'num_batches_tracked'))}
    missing, unexpected = model.load_state_dict(state, strict=False)
    if missing or unexpected:
        sys.exit(f'{path}: not an InstaGAN set generator (missing {missing[:4]}, unexpected {unexpected[:4]})')


def example_masks(k, h, w, generator):
    """Random rectangles as instances, the last slot empty when K > 2 (exercises the skip path)."""
    masks = -torch.ones(1, k, h, w)
    for i in range(k if k <= 2 else k - 1):
        y0 = int(torch.randint(0, h // 2, (1,), generator=generator))
        x0 = int(torch.randint(0, w // 2, (1,), generator=generator))
        masks[0, i, y0:y0 + h // 3, x0:x0 + w // 3] = 1
    return masks


def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('weights', nargs='?', help='an InstaGAN checkpoint, e.g. latest_net_G_A.pth')
    p.add_argument('--ngf', type=int, default=64, help='base width (64 in the released models; smaller for tests)')
    p.add_argument('--blocks', type=int, default=9, help='residual blocks per encoder (9 in the released models)')
    p.add_argument('--instances', type=int, default=2, help='K used for the traced example and --check (K stays dynamic)')
    p.add_argument('--list-params', action='store_true', help='print the state dict names and shapes as JSON, export nothing')
    add_common_args(p)
    args = p.parse_args()
    if not args.weights and not args.random_weights:
        p.error('give a checkpoint .pth or --random-weights')
    if not args.output and not args.list_params:
        p.error('-o/--output is required')

    torch.manual_seed(args.seed)
    model = ResnetSetGenerator(args.ngf, args.blocks)
    if args.weights:
        load_weights(model, args.weights)
    model.eval()
    if args.list_params:
        print(json.dumps({k: list(v.shape) for k, v in model.state_dict().items()}))
        return

    g = torch.Generator().manual_seed(args.seed)
    sizes = parse_sizes(args.check) if args.check else [(64, 64)]
    cases = []
    for i, (h, w) in enumerate(sizes):
        k = args.instances + i  # a second case with one more instance shows K is dynamic
        cases.append((torch.rand(1, 3, h, w, generator=g) * 2 - 1, example_masks(k, h, w, g)))
    axes = {0: 'batch', 2: 'height', 3: 'width'}
    mask_axes = {0: 'batch', 1: 'instances', 2: 'height', 3: 'width'}
    export_onnx(model, cases[0], args.output, ['image', 'masks'], ['image_out', 'masks_out'],
                {'image': axes, 'masks': mask_axes, 'image_out': axes, 'masks_out': mask_axes}, args.opset)
    if args.check:
        refs = []
        with torch.no_grad():
            for image, masks in cases:
                out_image, out_masks = model(image, masks)
                ref_image, ref_masks = model.forward_reference(image, masks)
                diff = max((out_image - ref_image).abs().max().item(), (out_masks - ref_masks).abs().max().item())
                if diff > 1e-4:
                    sys.exit(f'batched forward differs from the original loop by {diff}')
                refs.append(({'image': image, 'masks': masks}, {'image_out': out_image, 'masks_out': out_masks}))
        write_check_files(args.output, refs)
    print(json.dumps({'onnx': args.output, 'ngf': args.ngf, 'blocks': args.blocks}))


if __name__ == '__main__':
    main()
