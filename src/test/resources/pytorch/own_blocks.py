"""Blocks written for OwnBlockPyTorchTest, each with BlockZoo's signature.

ResNetBasicBlock mirrors the zoo's (docs/protocol.md §Blocks) with the zoo's state_dict names, so
that ScaffoldNet can hold it in the stages around the block under test. The test blocks draw
non-trivial BatchNorm statistics and layer scales so that a wrong splice shows in the outputs.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


def _randomize_bn(bn):
    with torch.no_grad():
        bn.weight.uniform_(0.5, 1.5)
        bn.bias.uniform_(-0.5, 0.5)
        bn.running_mean.uniform_(-0.5, 0.5)
        bn.running_var.uniform_(0.5, 2.0)


class ConvBn(nn.Module):
    """k x k conv ("same" padding) then BatchNorm: the zoo's ConvBn, names conv.* and bn.*."""

    def __init__(self, in_channels, out_channels, kernel, stride=1, groups=1, bias=False):
        super().__init__()
        self.conv = nn.Conv2d(in_channels, out_channels, kernel, stride, kernel // 2, groups=groups, bias=bias)
        self.bn = nn.BatchNorm2d(out_channels)
        _randomize_bn(self.bn)

    def forward(self, x):
        return self.bn(self.conv(x))


class ResNetBasicBlock(nn.Module):
    """two 3x3 conv+BN, ReLU; shortcut (AvgPool 2x2 when stride 2) + 1x1 conv + BN"""

    def __init__(self, in_channels, out_channels, stride=1, position="early"):
        super().__init__()
        self.stride = stride
        self.conv1 = ConvBn(in_channels, out_channels, 3, stride)
        self.conv2 = ConvBn(out_channels, out_channels, 3)
        self.downsample = ConvBn(in_channels, out_channels, 1)

    def forward(self, x):
        y = self.conv2(F.relu(self.conv1(x)))
        skip = F.avg_pool2d(x, 2, 2, ceil_mode=True, count_include_pad=False) if self.stride == 2 else x
        return F.relu(y + self.downsample(skip))


class ConvNeXtBlock(nn.Module):
    """ConvNeXt-style: 7x7 depthwise, LayerNorm, MLP ratio 4, GELU, layer scale; 1x1 projection when the shape changes"""

    # a GWO module, as gwo-benchmark declares one: C_D and the modules that make C_P (none: no dynamic sub-network)
    GWO_OPERATIONS = [("dwconv", ["STATIC_SLIDING", "DENSE_SQUARE(7)", "SHARED_KERNEL"]),
                      ("mlp", ["STATIC_SLIDING", "DENSE_SQUARE(1)", "SHARED_KERNEL"])]
    C_D = 6

    def get_parametric_complexity_modules(self):
        return []

    def __init__(self, in_channels, out_channels, stride=1, position="early"):
        super().__init__()
        self.proj = (nn.Conv2d(in_channels, out_channels, 1, stride)
                     if in_channels != out_channels or stride != 1 else nn.Identity())
        self.dwconv = nn.Conv2d(out_channels, out_channels, 7, padding=3, groups=out_channels)
        self.norm = nn.LayerNorm(out_channels, eps=1e-6)
        self.pwconv1 = nn.Linear(out_channels, 4 * out_channels)
        self.pwconv2 = nn.Linear(4 * out_channels, out_channels)
        self.gamma = nn.Parameter(torch.empty(out_channels).uniform_(0.5, 1.5))
        with torch.no_grad():
            self.norm.weight.uniform_(0.5, 1.5)
            self.norm.bias.uniform_(-0.5, 0.5)

    def forward(self, x):
        x = self.proj(x)
        y = self.dwconv(x).permute(0, 2, 3, 1)
        y = self.pwconv2(F.gelu(self.pwconv1(self.norm(y))))
        return x + (self.gamma * y).permute(0, 3, 1, 2)


class RepConvBlock(nn.Module):
    """RepVGG-style: 3x3 conv+BN + 1x1 conv+BN (+ identity BN when the shape is kept), ReLU; reparameterize() merges them into one 3x3 conv"""

    GWO_OPERATIONS = [("conv", ["STATIC_SLIDING", "DENSE_SQUARE(3)", "SHARED_KERNEL"])]
    C_D = 3

    def get_parametric_complexity_modules(self):
        return []

    def __init__(self, in_channels, out_channels, stride=1):
        super().__init__()
        self.in_channels, self.out_channels, self.stride = in_channels, out_channels, stride
        self.conv3 = ConvBn(in_channels, out_channels, 3, stride)
        self.conv1 = ConvBn(in_channels, out_channels, 1, stride)
        self.identity = nn.BatchNorm2d(out_channels) if in_channels == out_channels and stride == 1 else None
        if self.identity is not None:
            _randomize_bn(self.identity)
        self.reparam = None

    def forward(self, x):
        if self.reparam is not None:
            return F.relu(self.reparam(x))
        y = self.conv3(x) + self.conv1(x)
        if self.identity is not None:
            y = y + self.identity(x)
        return F.relu(y)

    @staticmethod
    def _fold(weight, bn):
        t = bn.weight / torch.sqrt(bn.running_var + bn.eps)
        return weight * t.reshape(-1, 1, 1, 1), bn.bias - bn.running_mean * t

    def reparameterize(self):
        if self.reparam is not None:
            return
        w3, b3 = self._fold(self.conv3.conv.weight, self.conv3.bn)
        w1, b1 = self._fold(F.pad(self.conv1.conv.weight, [1, 1, 1, 1]), self.conv1.bn)
        w, b = w3 + w1, b3 + b1
        if self.identity is not None:
            eye = torch.zeros_like(w3)
            for c in range(self.out_channels):
                eye[c, c, 1, 1] = 1.0
            wi, bi = self._fold(eye, self.identity)
            w, b = w + wi, b + bi
        self.reparam = nn.Conv2d(self.in_channels, self.out_channels, 3, self.stride, 1)
        with torch.no_grad():
            self.reparam.weight.copy_(w)
            self.reparam.bias.copy_(b)
        del self.conv3, self.conv1, self.identity
        self.identity = None
