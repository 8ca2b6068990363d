"""BlockZoo's ScaffoldNet in PyTorch with BlockBench's state_dict names (docs/protocol.md §Scaffold):
stem conv3x3(3->64, bias)+BN+ReLU; stages A (64, s1), B (128, s2), C (256, s2) of three blocks,
the block under test at its position and the zoo's ResNetBasicBlock elsewhere; head GAP ->
Linear(256 -> classes).

  scaffold_net.py MODULE:CLASS POSITION SPLICED.onnx OUT_DIR

loads every parameter and buffer of the spliced train graph into the PyTorch scaffold by name
(each must match; only num_batches_tracked may be missing), then writes OUT_DIR/input.bin
(float32 [2, 3, 32, 32], seed 1), OUT_DIR/output.bin (eval-mode logits) and OUT_DIR/result.json
(parameter count).
"""

import importlib
import json
import os
import sys

import numpy as np
import onnx
import onnx.numpy_helper
import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.getcwd())
from own_blocks import ConvBn, ResNetBasicBlock  # noqa: E402
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__))))


class Stem(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = ConvBn(3, 64, 3, bias=True)

    def forward(self, x):
        return torch.relu(self.conv(x))


class Head(nn.Module):
    def __init__(self, classes):
        super().__init__()
        self.fc = nn.Linear(256, classes)

    def forward(self, x):
        return self.fc(torch.flatten(nn.functional.adaptive_avg_pool2d(x, 1), 1))


def takes_position(cls):
    import inspect
    params = inspect.signature(cls.__init__).parameters
    return "position" in params


class ScaffoldNet(nn.Module):
    def __init__(self, block_cls, position, classes=10):
        super().__init__()
        self.stem = Stem()
        channels = 64
        for stage, pos, out, stride in (("stageA", "early", 64, 1), ("stageB", "mid", 128, 2), ("stageC", "late", 256, 2)):
            cls = block_cls if pos == position else ResNetBasicBlock
            kw = {"position": pos} if takes_position(cls) else {}
            blocks = [cls(channels, out, stride=stride, **kw)] + [cls(out, out, stride=1, **kw) for _ in range(2)]
            setattr(self, stage, nn.Sequential(*blocks))
            channels = out
        self.head = Head(classes)

    def forward(self, x):
        return self.head(self.stageC(self.stageB(self.stageA(self.stem(x)))))


def main(spec, position, onnx_path, out_dir):
    module, name = spec.split(":")
    block_cls = getattr(importlib.import_module(module), name)
    net = ScaffoldNet(block_cls, position).eval()
    weights = {t.name: torch.from_numpy(onnx.numpy_helper.to_array(t).copy())
               for t in onnx.load(onnx_path).graph.initializer}
    result = net.load_state_dict(weights, strict=False)
    missing = [k for k in result.missing_keys if not k.endswith("num_batches_tracked")]
    if missing or result.unexpected_keys:
        sys.exit("names differ: missing %s, unexpected %s" % (missing, result.unexpected_keys))
    torch.manual_seed(1)
    x = torch.randn(2, 3, 32, 32)
    with torch.no_grad():
        y = net(x)
    os.makedirs(out_dir, exist_ok=True)
    x.numpy().astype(np.float32).tofile(os.path.join(out_dir, "input.bin"))
    y.numpy().astype(np.float32).tofile(os.path.join(out_dir, "output.bin"))
    with open(os.path.join(out_dir, "result.json"), "w") as f:
        json.dump({"params": sum(p.numel() for p in net.parameters()), "output_shape": list(y.shape)}, f)


if __name__ == "__main__":
    main(*sys.argv[1:])
