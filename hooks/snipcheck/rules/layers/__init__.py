"""Layers and size (DG61x): removals in later layers, chown after COPY, toolchains and caches left in the image.

The family's rule modules in order, each defining the rule function of its own name; its shared
helpers, if any, live beside them."""

RULE_MODULES = (
    "removal_in_later_layer",  # DG610
    "chown_after_copy",  # DG611
    "build_tools_in_final_stage",  # DG612
    "final_stage_sdk_image",  # DG613
    "single_stage_build",  # DG614
    "package_cache_in_final_image",  # DG615
)
