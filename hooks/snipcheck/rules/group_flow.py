"""Rules of the 'flow' group, in order. Each entry is one rule module's function."""

from . import (
    copy_from_missing_path,
    cross_build_ignores_target_platform,
    dependency_layer_order,
    distroless_debug_final,
    final_image_without_ca_certificates,
    final_image_without_zoneinfo,
    glibc_binary_in_alpine,
    global_arg_not_redeclared,
    go_build_obsolete_flags,
    go_build_without_cache_mounts,
    go_build_without_strip_flags,
    go_ldflags_broken_quoting,
    healthcheck_without_http_client,
    libc_compat_workaround,
    musl_binary_in_glibc,
    shell_form_command_without_shell,
    shell_form_run_without_shell,
    unused_stage,
    upx_compression,
    user_name_without_passwd,
)

RULES = (
    # Multi-stage data flow (DG302-DG399)
    copy_from_missing_path.copy_from_missing_path,
    unused_stage.unused_stage,
    global_arg_not_redeclared.global_arg_not_redeclared,
    # Go static binaries (DG402-DG499)
    go_build_obsolete_flags.go_build_obsolete_flags,
    go_build_without_strip_flags.go_build_without_strip_flags,
    go_ldflags_broken_quoting.go_ldflags_broken_quoting,
    dependency_layer_order.dependency_layer_order,
    go_build_without_cache_mounts.go_build_without_cache_mounts,
    cross_build_ignores_target_platform.cross_build_ignores_target_platform,
    upx_compression.upx_compression,
    # scratch and distroless (DG501-DG599)
    final_image_without_ca_certificates.final_image_without_ca_certificates,
    final_image_without_zoneinfo.final_image_without_zoneinfo,
    shell_form_run_without_shell.shell_form_run_without_shell,
    shell_form_command_without_shell.shell_form_command_without_shell,
    user_name_without_passwd.user_name_without_passwd,
    healthcheck_without_http_client.healthcheck_without_http_client,
    distroless_debug_final.distroless_debug_final,
    # musl and glibc (DG601-DG609)
    glibc_binary_in_alpine.glibc_binary_in_alpine,
    musl_binary_in_glibc.musl_binary_in_glibc,
    libc_compat_workaround.libc_compat_workaround,
)
