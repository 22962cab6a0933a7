"""hadolint parity (DG2xx): the DL rules that matter for documentation, under their DL codes as aliases.

The family's rule modules in order, each defining the rule function of its own name; its shared
helpers, if any, live beside them."""

RULE_MODULES = (
    "image_latest_tag",  # DG201
    "image_untagged",  # DG202
    "apk_add_no_cache",  # DG203
    "apt_install_recommends",  # DG204
    "pointless_command_in_run",  # DG206
    "cd_instead_of_workdir",  # DG207
    "sudo_in_run",  # DG208
    "apt_instead_of_apt_get",  # DG220
    "apt_get_install_without_yes",  # DG214
    "wget_without_progress",  # DG225
    "curl_and_wget",  # DG230
    "symlink_bin_sh",  # DG231
    "pipe_without_pipefail",  # DG232
    "consecutive_run",  # DG226
    "apt_get_version_unpinned",  # DG209
    "apk_version_unpinned",  # DG216
    "pip_version_unpinned",  # DG213
    "npm_version_unpinned",  # DG215
    "go_install_version_unpinned",  # DG227
    "apt_lists_not_removed",  # DG210
    "pip_without_no_cache_dir",  # DG221
    "add_instead_of_copy",  # DG217
    "copy_multiple_sources_to_file",  # DG218
    "copy_from_own_stage",  # DG219
    "copy_relative_without_workdir",  # DG223
    "copy_entire_filesystem",  # DG229
    "env_references_same_instruction",  # DG222
    "expose_port_out_of_range",  # DG211
    "multiple_healthchecks",  # DG212
    "useradd_high_uid_without_l",  # DG224
)
