"""Exports torchvision classifiers as a user would for `train --onnx`: default initialisation,
num_classes=10, torch.onnx.export at opset 17 in eval mode with BatchNorm kept as its own node
(training=PRESERVE, no constant folding; the default folds BN into the convs, and the folded
model no longer has PyTorch's parameters). torch.onnx.export still merges initializers of equal
value (the trainer separates them again). Writes OUT_DIR/<name>.onnx and OUT_DIR/params.json
(PyTorch's trainable parameter count per model).

  torchvision_models.py OUT_DIR SIZE NAME...
"""

import json
import os
import sys

import torch
import torchvision


def main(out, size, names):
    os.makedirs(out, exist_ok=True)
    params = {}
    for name in names:
        torch.manual_seed(0)
        model = getattr(torchvision.models, name)(num_classes=10).eval()
        if name.startswith("vit_"):
            # torchvision starts ViT's head at zero: every logit 0 would make any comparison of outputs vacuous
            torch.nn.init.normal_(model.heads.head.weight, std=0.02)
        # not under torch.no_grad(): there, nn.MultiheadAttention takes its fused fast path
        # (aten::_native_multi_head_attention), which has no ONNX export
        torch.onnx.export(model, torch.randn(1, 3, size, size), os.path.join(out, name + ".onnx"), opset_version=17,
                          input_names=["x"], output_names=["logits"], dynamic_axes={"x": {0: "N"}, "logits": {0: "N"}},
                          training=torch.onnx.TrainingMode.PRESERVE, do_constant_folding=False)
        params[name] = sum(p.numel() for p in model.parameters() if p.requires_grad)
    with open(os.path.join(out, "params.json"), "w") as f:
        json.dump(params, f)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3:])
