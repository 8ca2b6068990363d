#!/usr/bin/env bash
# Installs Debian's PyTorch, torchvision and ONNX for the PyTorch-backed tests (OwnBlockPyTorchTest runs
# tools/export_block.py with /usr/bin/python3), if they are not there yet. Call it from .ci/run
# before `mvn verify`, and export BLOCKBENCH_REQUIRE_TORCH=1 so that the test fails instead of
# skipping when they are absent.
set -euo pipefail
if /usr/bin/python3 -c "import torch, torchvision, onnx" >/dev/null 2>&1; then
    /usr/bin/python3 -c "import torch; print('torch', torch.__version__)"
    exit 0
fi
bash "$(dirname "$0")/apt-install.sh" python3-torch python3-torchvision python3-onnx
/usr/bin/python3 -c "import torch; print('torch', torch.__version__)"
