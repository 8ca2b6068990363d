"""Exports block packs of several classes in one Python process (torch is imported once).

  export_packs.py OUT_DIR MODULE:CLASS...        one pack per class, OUT_DIR/<CLASS>, via tools/export_block.py
  export_packs.py --merged OUT_DIR MODULE:CLASS  the pack as torch.onnx.export writes it, equal values merged
                                                 (what tools/export_block.py wrote before issue 21)
"""

import os
import sys

sys.path.insert(0, os.getcwd())
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__))))
TOOLS = os.environ.get("BLOCKBENCH_TOOLS", "tools")
sys.path.insert(0, TOOLS)
import export_block  # noqa: E402


def main(argv):
    if argv[0] == "--merged":
        export_block.one_initializer_per_tensor = lambda stage, path: None
        argv = argv[1:]
    out = argv[0]
    for spec in argv[1:]:
        export_block.export_pack(spec, os.path.join(out, spec.split(":")[1]), force=True)
        print("exported", spec)


if __name__ == "__main__":
    main(sys.argv[1:])
