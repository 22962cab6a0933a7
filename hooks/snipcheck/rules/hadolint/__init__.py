"""hadolint parity (DG2xx): the DL rules that matter for documentation, under their DL codes as aliases.

The family's rules in order; its shared helpers, if any, live beside them."""

from . import (
    add_instead_of_copy,
    apk_add_no_cache,
    apk_version_unpinned,
    apt_get_install_without_yes,
    apt_get_version_unpinned,
    apt_install_recommends,
    apt_instead_of_apt_get,
    apt_lists_not_removed,
    cd_instead_of_workdir,
    consecutive_run,
    copy_entire_filesystem,
    copy_from_own_stage,
    copy_multiple_sources_to_file,
    copy_relative_without_workdir,
    curl_and_wget,
    env_references_same_instruction,
    expose_port_out_of_range,
    go_install_version_unpinned,
    image_latest_tag,
    image_untagged,
    multiple_healthchecks,
    npm_version_unpinned,
    pip_version_unpinned,
    pip_without_no_cache_dir,
    pipe_without_pipefail,
    pointless_command_in_run,
    sudo_in_run,
    symlink_bin_sh,
    useradd_high_uid_without_l,
    wget_without_progress,
)

RULES = (
    image_latest_tag.image_latest_tag,  # DG201
    image_untagged.image_untagged,  # DG202
    apk_add_no_cache.apk_add_no_cache,  # DG203
    apt_install_recommends.apt_install_recommends,  # DG204
    pointless_command_in_run.pointless_command_in_run,  # DG206
    cd_instead_of_workdir.cd_instead_of_workdir,  # DG207
    sudo_in_run.sudo_in_run,  # DG208
    apt_instead_of_apt_get.apt_instead_of_apt_get,  # DG220
    apt_get_install_without_yes.apt_get_install_without_yes,  # DG214
    wget_without_progress.wget_without_progress,  # DG225
    curl_and_wget.curl_and_wget,  # DG230
    symlink_bin_sh.symlink_bin_sh,  # DG231
    pipe_without_pipefail.pipe_without_pipefail,  # DG232
    consecutive_run.consecutive_run,  # DG226
    apt_get_version_unpinned.apt_get_version_unpinned,  # DG209
    apk_version_unpinned.apk_version_unpinned,  # DG216
    pip_version_unpinned.pip_version_unpinned,  # DG213
    npm_version_unpinned.npm_version_unpinned,  # DG215
    go_install_version_unpinned.go_install_version_unpinned,  # DG227
    apt_lists_not_removed.apt_lists_not_removed,  # DG210
    pip_without_no_cache_dir.pip_without_no_cache_dir,  # DG221
    add_instead_of_copy.add_instead_of_copy,  # DG217
    copy_multiple_sources_to_file.copy_multiple_sources_to_file,  # DG218
    copy_from_own_stage.copy_from_own_stage,  # DG219
    copy_relative_without_workdir.copy_relative_without_workdir,  # DG223
    copy_entire_filesystem.copy_entire_filesystem,  # DG229
    env_references_same_instruction.env_references_same_instruction,  # DG222
    expose_port_out_of_range.expose_port_out_of_range,  # DG211
    multiple_healthchecks.multiple_healthchecks,  # DG212
    useradd_high_uid_without_l.useradd_high_uid_without_l,  # DG224
)
