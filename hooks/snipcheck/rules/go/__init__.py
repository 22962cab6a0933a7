"""Go builds (DG4xx): cgo, build flags, dependency layer order, caches, cross-compiling, UPX.

The family's rule modules in order, each defining the rule function of its own name; its shared
helpers, if any, live beside them."""

RULE_MODULES = (
    "cgo_enabled_static_final",  # DG401
    "go_build_obsolete_flags",  # DG402
    "go_build_without_strip_flags",  # DG403
    "go_ldflags_broken_quoting",  # DG404
    "dependency_layer_order",  # DG405
    "go_build_without_cache_mounts",  # DG406
    "cross_build_ignores_target_platform",  # DG407
    "upx_compression",  # DG408
)
