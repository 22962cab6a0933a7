"""Layers and size (DG61x): removals in later layers, chown after COPY, toolchains and caches left in the image.

The family's rules in order; its shared helpers, if any, live beside them."""

from . import (
    build_tools_in_final_stage,
    chown_after_copy,
    final_stage_sdk_image,
    package_cache_in_final_image,
    removal_in_later_layer,
    single_stage_build,
)

RULES = (
    removal_in_later_layer.removal_in_later_layer,  # DG610
    chown_after_copy.chown_after_copy,  # DG611
    build_tools_in_final_stage.build_tools_in_final_stage,  # DG612
    final_stage_sdk_image.final_stage_sdk_image,  # DG613
    single_stage_build.single_stage_build,  # DG614
    package_cache_in_final_image.package_cache_in_final_image,  # DG615
)
