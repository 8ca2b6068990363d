#!/usr/bin/env bash
# Installs Debian's dataset-fashion-mnist (the IDX files in /usr/share/datasets/fashion-mnist), the
# quick protocol's task where present (docs/accuracy.md §Fashion-MNIST), if it is not there yet.
# Call it from .ci/run before `mvn verify`, and export BLOCKBENCH_REQUIRE_FASHION_MNIST=1 so that
# FashionMnistDataTest fails instead of skipping when the files are absent.
set -euo pipefail
if [ -f /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz ]; then
    echo "fashion-mnist present"
    exit 0
fi
bash "$(dirname "$0")/apt-install.sh" dataset-fashion-mnist
