#!/usr/bin/env python3
"""Export a PyTorch block as a BlockBench block pack (docs/own-block.md).

The whole path from a .py file to a board row:

  /usr/bin/python3 tools/export_block.py my_blocks:MyBlock --out packs/MyBlock
  java -jar target/blockbench.jar export --blocks ResNetBasicBlock,MyBlock --block-pack packs/MyBlock
  java -jar target/blockbench.jar run --blocks ResNetBasicBlock --block-pack packs/MyBlock   # all steps to the board

MODULE:CLASS names a block class with BlockZoo's signature
``block_cls(in_channels, out_channels, stride=1, position="early")``; a class without
``position`` is accepted too. MODULE is imported from the current directory or PYTHONPATH.

For each scaffold position the script builds the stage exactly as BlockZoo's ScaffoldNet does
(the first block takes the stride and the width change, two more at stride 1):

  early  64 -> 64,  first stride 1, input [N, 64, 32, 32]
  mid    64 -> 128, first stride 2, input [N, 64, 32, 32]
  late   128 -> 256, first stride 2, input [N, 128, 16, 16]

and exports it in eval mode at opset 17 with a dynamic batch, BatchNorm kept (not folded), the
parameters under their state_dict names (0.conv1.weight ...), one initializer per distinct tensor
(by identity: torch.onnx.export's merge of tensors with equal values, e.g. a fresh BatchNorm's
weight and running_var, is undone; a module used twice stays one tensor). When a module offers
re-parameterisation (``reparameterize()``, as timm's ``reparameterize_model`` calls it, or
``switch_to_deploy()``), the deploy form is exported too, after calling it. When the block is a
GWO module (it has ``C_D`` and ``get_parametric_complexity_modules()``), the modules that method
returns become the pack's dynamic sub-networks, and ``GWO_OPERATIONS`` (a list of
``(name, [primitive, ...])``), when the class declares it, becomes the pack's operations; their
cost sum must equal ``C_D``.

The pack is written to a temporary directory beside --out and renamed into place, so a failed
export leaves nothing half-written. Needs only torch and onnx (Debian: python3-torch
python3-onnx); no timm.
"""

import argparse
import copy
import importlib
import inspect
import json
import os
import shutil
import sys
import tempfile

FORMAT = "blockbench-block-pack/1"
GWO_FORMAT = "blockbench-gwo/1"
OPSET = 17
BLOCKS_PER_STAGE = 3
STEM_CHANNELS = 64
# (position, output channels, first stride), docs/protocol.md §Scaffold
STAGES = [("early", 64, 1), ("mid", 128, 2), ("late", 256, 2)]
# The GWO primitive dictionary v0.1 (docs/protocol.md §GWO): name -> cost
PRIMITIVE_COSTS = {
    "STATIC_SLIDING": 1, "GLOBAL_INDEXED": 1, "CONTENT_AWARE": 2,
    "DENSE_SQUARE": 1, "FULL_ROW": 1, "CAUSAL_1D": 1,
    "IDENTITY": 1, "SHARED_KERNEL": 1, "DYNAMIC_ATTENTION": 2,
}


class ExportError(Exception):
    """A problem with the user's block, reported in one line."""


def load_class(spec):
    if ":" not in spec:
        raise ExportError("expected MODULE:CLASS, e.g. my_blocks:MyBlock, found %r" % spec)
    module_name, class_name = spec.split(":", 1)
    sys.path.insert(0, os.getcwd())
    try:
        module = importlib.import_module(module_name)
    except ImportError as e:
        raise ExportError("cannot import module %r (%s)" % (module_name, e))
    cls = getattr(module, class_name, None)
    if cls is None:
        raise ExportError("module %r has no class %r" % (module_name, class_name))
    return cls


def takes_position(cls):
    try:
        params = inspect.signature(cls.__init__).parameters
    except (TypeError, ValueError):
        return False
    return "position" in params or any(p.kind == p.VAR_KEYWORD for p in params.values())


def build_stage(torch, cls, in_channels, out_channels, stride, position):
    """The stage as BlockZoo's ScaffoldNet builds it: nn.Sequential of three blocks."""
    kwargs = {"position": position} if takes_position(cls) else {}
    blocks = [cls(in_channels, out_channels, stride=stride, **kwargs)]
    for _ in range(BLOCKS_PER_STAGE - 1):
        blocks.append(cls(out_channels, out_channels, stride=1, **kwargs))
    return torch.nn.Sequential(*blocks).eval()


def reparameterize(stage):
    """Calls every module's re-parameterisation entry point, as timm's reparameterize_model does; True if any."""
    done = False
    for module in list(stage.modules()):
        for method in ("reparameterize", "switch_to_deploy"):
            fn = getattr(module, method, None)
            if callable(fn):
                fn()
                done = True
                break
    return done


def export_onnx(torch, stage, shape, path):
    dummy = torch.randn(*shape)
    with torch.no_grad():
        torch.onnx.export(stage, dummy, path, opset_version=OPSET, input_names=["x"], output_names=["y"],
                          dynamic_axes={"x": {0: "N"}, "y": {0: "N"}},
                          # PRESERVE keeps BatchNorm as its own node (EVAL would fold it into the conv,
                          # losing the parameters PyTorch counts); no constant folding keeps every
                          # parameter under its state_dict name.
                          training=torch.onnx.TrainingMode.PRESERVE, do_constant_folding=False,
                          export_params=True, keep_initializers_as_inputs=False)
    one_initializer_per_tensor(stage, path)


def distinct_tensors(stage):
    """Every parameter and buffer of the stage once, by object identity, under its state_dict name."""
    tensors = {}
    seen = set()
    for name, t in list(stage.named_parameters()) + list(stage.named_buffers()):
        if id(t) not in seen:
            seen.add(id(t))
            tensors[name] = t
    return tensors


def one_initializer_per_tensor(stage, path):
    """Rewrites the exported file so that each distinct tensor of the stage is its own initializer.

    torch.onnx.export merges initializers whose *values* are equal (a fresh BatchNorm's weight and
    running_var are both ones) and writes the merged ones as Identity nodes named after the lost
    state_dict entries; BlockBench would then see one tensor that is a trainable scale and a running
    variance at once. Each such Identity becomes the initializer of its own tensor again. A module
    that is really shared (the same conv applied twice) is one tensor and stays one initializer.
    """
    import onnx
    from onnx import numpy_helper

    tensors = distinct_tensors(stage)
    model = onnx.load(path)
    graph = model.graph
    initializers = {t.name for t in graph.initializer}
    kept = []
    for node in graph.node:
        out = node.output[0] if node.output else ""
        if node.op_type == "Identity" and node.input[0] in initializers and out in tensors and out not in initializers:
            graph.initializer.append(numpy_helper.from_array(tensors[out].detach().cpu().numpy(), out))
            initializers.add(out)
        else:
            kept.append(node)
    del graph.node[:]
    graph.node.extend(kept)
    check_one_role_each(graph)
    onnx.checker.check_model(model)
    onnx.save(model, path)


def check_one_role_each(graph):
    """Fails when an initializer still stands for more than one of the stage's tensors."""
    initializers = {t.name for t in graph.initializer}
    for node in graph.node:
        if node.op_type == "Identity" and node.input[0] in initializers:
            raise ExportError("initializer %r is still shared through Identity node %r (output %r); "
                              "the exporter merged tensors this script cannot separate"
                              % (node.input[0], node.name, node.output[0]))
        if node.op_type == "BatchNormalization":
            used = [i for i in node.input[1:5] if i in initializers]
            if len(set(used)) != len(used):
                raise ExportError("BatchNormalization %r reads initializer(s) %s in two roles"
                                  % (node.name, sorted({i for i in used if used.count(i) > 1})))


def gwo_annotation(block):
    """The block.json "gwo" object of a GWO module, or None when the block declares nothing."""
    if not (hasattr(block, "C_D") and callable(getattr(block, "get_parametric_complexity_modules", None))):
        return None
    c_d = block.C_D() if callable(block.C_D) else block.C_D
    names = {id(m): n for n, m in block.named_modules() if n}
    dynamic = []
    for m in block.get_parametric_complexity_modules():
        if id(m) not in names:
            raise ExportError("get_parametric_complexity_modules() returned a module that is not a submodule of the block")
        dynamic.append(names[id(m)])
    operations = getattr(block, "GWO_OPERATIONS", None)
    if operations is None:
        print("export_block: %s declares C_D = %s but no GWO_OPERATIONS; the pack records no GWO operations "
              "(C_D 0 on the board). Declare GWO_OPERATIONS = [(name, [primitive, ...]), ...]"
              % (type(block).__name__, c_d), file=sys.stderr)
        return None
    ops = []
    total = 0
    for name, primitives in operations:
        for p in primitives:
            key = p.split("(")[0].strip().upper()
            if key not in PRIMITIVE_COSTS:
                raise ExportError("GWO primitive %r of operation %r is not one of %s" % (p, name, sorted(PRIMITIVE_COSTS)))
            total += PRIMITIVE_COSTS[key]
        ops.append({"name": name, "primitives": list(primitives)})
    if total != c_d:
        raise ExportError("GWO_OPERATIONS cost %d but C_D is %s" % (total, c_d))
    return {"format": GWO_FORMAT, "operations": ops, "dynamic_subnetworks": dynamic}


def export_pack(spec, out, name=None, description=None, input_size=32, seed=0, force=False):
    import torch
    import onnx  # noqa: F401  (torch.onnx.export needs it)

    cls = load_class(spec)
    name = name or cls.__name__
    if description is None:
        doc = inspect.getdoc(cls) or ""
        description = doc.splitlines()[0] if doc else cls.__name__
    if os.path.exists(out) and not force:
        raise ExportError("%s exists; choose another --out or pass --force to replace it" % out)
    parent = os.path.dirname(os.path.abspath(out))
    os.makedirs(parent, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix=".pack-", dir=parent)
    try:
        torch.manual_seed(seed)
        channels, size = STEM_CHANNELS, input_size
        gwo = None
        deploy_positions = []
        for position, out_channels, stride in STAGES:
            stage = build_stage(torch, cls, channels, out_channels, stride, position)
            if gwo is None:
                gwo = gwo_annotation(stage[0])
            shape = (1, channels, size, size)
            export_onnx(torch, stage, shape, os.path.join(tmp, position + ".onnx"))
            deploy = copy.deepcopy(stage)
            if reparameterize(deploy):
                export_onnx(torch, deploy.eval(), shape, os.path.join(tmp, position + ".deploy.onnx"))
                deploy_positions.append(position)
            channels, size = out_channels, (size + stride - 1) // stride
        descriptor = {"format": FORMAT, "name": name, "description": description,
                      "source": {"class": spec, "torch": torch.__version__, "opset": OPSET, "seed": seed,
                                 "deploy_forms": deploy_positions}}
        if gwo is not None:
            descriptor["gwo"] = gwo
        with open(os.path.join(tmp, "block.json"), "w") as f:
            json.dump(descriptor, f, indent=2)
            f.write("\n")
        if os.path.exists(out):
            shutil.rmtree(out)
        os.rename(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("block", metavar="MODULE:CLASS", help="the block class, e.g. my_blocks:MyBlock")
    parser.add_argument("--out", required=True, help="the pack directory to write")
    parser.add_argument("--name", help="the block's name on the board (default: the class name)")
    parser.add_argument("--description", help="one line (default: the first line of the class docstring)")
    parser.add_argument("--input-size", type=int, default=32, help="scaffold input size (default: 32)")
    parser.add_argument("--seed", type=int, default=0, help="torch.manual_seed before building the stages (default: 0)")
    parser.add_argument("--force", action="store_true", help="replace an existing --out")
    args = parser.parse_args(argv)
    try:
        out = export_pack(args.block, args.out, args.name, args.description, args.input_size, args.seed, args.force)
    except ExportError as e:
        print("export_block: " + " ".join(str(e).split()), file=sys.stderr)
        return 2
    except ImportError as e:
        print("export_block: needs torch and onnx (Debian: apt-get install python3-torch python3-onnx): %s" % e,
              file=sys.stderr)
        return 2
    print("wrote block pack %s" % out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
