"""Shared by the export scripts: common options, the ONNX export call, and reference tensors for checking.

Reference files (--check): `<out>.check.json` lists cases; each case names its inputs and outputs with their
shape and a raw little-endian float32 file beside the ONNX, so a test can feed the same inputs to onnxruntime
and compare without a .npy reader.
"""
import json
import os

import torch


def add_common_args(p):
    p.add_argument('-o', '--output', help='ONNX file to write (required unless only listing)')
    p.add_argument('--random-weights', action='store_true', help='seeded random weights (tests), no .pth needed')
    p.add_argument('--seed', type=int, default=0, help='seed for --random-weights and the --check inputs')
    p.add_argument('--opset', type=int, default=17, help='ONNX opset (>= 13)')
    p.add_argument('--check', metavar='HxW[,HxW...]',
                   help='also write PyTorch reference outputs for seeded random inputs of these sizes')


def parse_sizes(text):
    sizes = []
    for part in text.split(','):
        h, w = part.lower().split('x')
        sizes.append((int(h), int(w)))
    return sizes


def export_onnx(model, example_inputs, path, input_names, output_names, dynamic_axes, opset):
    if opset < 13:
        raise SystemExit('--opset must be >= 13')
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    tmp = f'{path}.partial-{os.getpid()}'
    # torch 1.13 (Debian bookworm) has only the TorchScript-based exporter, which is what this needs: plain tracing.
    with torch.no_grad():
        torch.onnx.export(model, example_inputs, tmp, input_names=input_names, output_names=output_names,
                          dynamic_axes=dynamic_axes, opset_version=opset, do_constant_folding=True)
    try:
        import onnx
        onnx.checker.check_model(onnx.load(tmp))
    except ImportError:
        pass  # the graph check is optional; onnxruntime will still reject a broken file
    os.replace(tmp, path)


def write_check_files(onnx_path, cases):
    """cases: list of (inputs, outputs), each a dict name -> tensor."""
    base = os.path.abspath(onnx_path)
    manifest = {'cases': []}
    for i, (inputs, outputs) in enumerate(cases):
        entry = {'inputs': {}, 'outputs': {}}
        for kind, tensors in (('inputs', inputs), ('outputs', outputs)):
            for name, t in tensors.items():
                file = f'{base}.check{i}.{kind[:-1]}.{name}.f32'
                t.detach().contiguous().to(torch.float32).numpy().astype('<f4').tofile(file)
                entry[kind][name] = {'shape': list(t.shape), 'file': os.path.basename(file)}
        manifest['cases'].append(entry)
    with open(f'{base}.check.json', 'w') as f:
        json.dump(manifest, f, indent=1)
