"""scaffold_net.py for many models in one process: each line of LIST is
MODULE:CLASS POSITION SPLICED.onnx OUT_DIR (see scaffold_net.main)."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.getcwd())
import scaffold_net  # noqa: E402

if __name__ == "__main__":
    with open(sys.argv[1]) as f:
        for line in f:
            if line.strip():
                scaffold_net.main(*line.split())
