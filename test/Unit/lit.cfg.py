# -*- Python -*-
# Runs the GoogleTest unit tests through lit, one lit test per test case.

import os

import lit.formats

config.name = "nd4j-mlir-unit"
config.suffixes = []
config.test_source_root = os.path.join(config.nd4j_obj_root, "test", "Unit")
config.test_exec_root = config.test_source_root
config.test_format = lit.formats.GoogleTest(".", "Tests")
# Optional reference data for the descriptor cross-check (skips without it).
config.environment["ND4J_SHARED_DIR"] = config.nd4j_shared_dir
