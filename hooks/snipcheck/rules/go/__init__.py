"""Go builds (DG4xx): cgo, build flags, dependency layer order, caches, cross-compiling, UPX.

The family's rules in order; its shared helpers, if any, live beside them."""

from . import (
    cgo_enabled_static_final,
    cross_build_ignores_target_platform,
    dependency_layer_order,
    go_build_obsolete_flags,
    go_build_without_cache_mounts,
    go_build_without_strip_flags,
    go_ldflags_broken_quoting,
    upx_compression,
)

RULES = (
    cgo_enabled_static_final.cgo_enabled_static_final,  # DG401
    go_build_obsolete_flags.go_build_obsolete_flags,  # DG402
    go_build_without_strip_flags.go_build_without_strip_flags,  # DG403
    go_ldflags_broken_quoting.go_ldflags_broken_quoting,  # DG404
    dependency_layer_order.dependency_layer_order,  # DG405
    go_build_without_cache_mounts.go_build_without_cache_mounts,  # DG406
    cross_build_ignores_target_platform.cross_build_ignores_target_platform,  # DG407
    upx_compression.upx_compression,  # DG408
)
