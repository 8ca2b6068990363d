"""Blocks as users have them, with PyTorch's default initialisation, for the own-block tests.

PlainBasic is the zoo's ResNet basic block written plainly (nothing re-initialised: every
BatchNorm starts with weight = running_var = 1 and bias = running_mean = 0, the values
torch.onnx.export merges). SharedConv applies one conv twice. The Tv* classes are the few-line
adapters that give torchvision's blocks BlockZoo's signature block_cls(in, out, stride=s,
position=p) (docs/own-block.md).
"""

from functools import partial

import torch
import torch.nn as nn
import torch.nn.functional as F
from torchvision.models.convnext import CNBlock
from torchvision.models.efficientnet import MBConv, MBConvConfig
from torchvision.models.mobilenetv2 import InvertedResidual
from torchvision.models.resnet import BasicBlock, Bottleneck, conv1x1


class ConvBn(nn.Module):
    """conv then BatchNorm under the zoo's names conv.* and bn.*, default initialisation."""

    def __init__(self, in_channels, out_channels, kernel, stride=1):
        super().__init__()
        self.conv = nn.Conv2d(in_channels, out_channels, kernel, stride, kernel // 2, bias=False)
        self.bn = nn.BatchNorm2d(out_channels)

    def forward(self, x):
        return self.bn(self.conv(x))


class PlainBasic(nn.Module):
    """the zoo's ResNet basic block, default initialisation"""

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


class SharedConv(nn.Module):
    """one 3x3 conv applied twice (one parameter), projection in front"""

    def __init__(self, in_channels, out_channels, stride=1, position="early"):
        super().__init__()
        self.proj = nn.Conv2d(in_channels, out_channels, 1, stride)
        self.conv = nn.Conv2d(out_channels, out_channels, 3, padding=1)
        self.bn = nn.BatchNorm2d(out_channels)

    def forward(self, x):
        x = self.proj(x)
        return F.relu(self.bn(self.conv(F.relu(self.conv(x))))) + x


def _downsample(in_channels, out_channels, stride):
    if stride == 1 and in_channels == out_channels:
        return None
    return nn.Sequential(conv1x1(in_channels, out_channels, stride), nn.BatchNorm2d(out_channels))


class TvBasicBlock(BasicBlock):
    """torchvision ResNet BasicBlock"""

    def __init__(self, in_channels, out_channels, stride=1, position="early"):
        super().__init__(in_channels, out_channels, stride, _downsample(in_channels, out_channels, stride))


class TvBottleneck(Bottleneck):
    """torchvision ResNet Bottleneck (expansion 4)"""

    def __init__(self, in_channels, out_channels, stride=1, position="early"):
        super().__init__(in_channels, out_channels // Bottleneck.expansion, stride,
                         _downsample(in_channels, out_channels, stride))


class TvInvertedResidual(InvertedResidual):
    """torchvision MobileNetV2 InvertedResidual (expand 6)"""

    def __init__(self, in_channels, out_channels, stride=1, position="early"):
        super().__init__(in_channels, out_channels, stride, expand_ratio=6)


class TvCNBlock(nn.Module):
    """torchvision ConvNeXt CNBlock (a strided 2x2 conv + LayerNorm in front where the shape changes)"""

    def __init__(self, in_channels, out_channels, stride=1, position="early"):
        super().__init__()
        self.down = None
        if stride != 1 or in_channels != out_channels:
            self.down = nn.Conv2d(in_channels, out_channels, stride, stride)
        self.block = CNBlock(out_channels, layer_scale=1e-6, stochastic_depth_prob=0.0)

    def forward(self, x):
        return self.block(x if self.down is None else self.down(x))


class TvMBConv(MBConv):
    """torchvision EfficientNet MBConv (expand 4, 3x3, squeeze-excitation)"""

    def __init__(self, in_channels, out_channels, stride=1, position="early"):
        super().__init__(MBConvConfig(4, 3, stride, in_channels, out_channels, 1, 1.0, 1.0), 0.0,
                         partial(nn.BatchNorm2d, eps=1e-3))
