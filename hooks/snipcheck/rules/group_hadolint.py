"""Rules of the 'hadolint' group, in order. Each entry is one rule module's function."""

from . import (
    add_instead_of_copy,
    apk_version_unpinned,
    apt_get_install_without_yes,
    apt_get_version_unpinned,
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
    # RUN: what to run and how
    pointless_command_in_run.pointless_command_in_run,  # DG206 DL3001
    cd_instead_of_workdir.cd_instead_of_workdir,  # DG207 DL3003
    sudo_in_run.sudo_in_run,  # DG208 DL3004
    apt_instead_of_apt_get.apt_instead_of_apt_get,  # DG220 DL3027
    apt_get_install_without_yes.apt_get_install_without_yes,  # DG214 DL3014
    wget_without_progress.wget_without_progress,  # DG225 DL3047
    curl_and_wget.curl_and_wget,  # DG230 DL4001
    symlink_bin_sh.symlink_bin_sh,  # DG231 DL4005
    pipe_without_pipefail.pipe_without_pipefail,  # DG232 DL4006
    consecutive_run.consecutive_run,  # DG226 DL3059
    # Package versions
    apt_get_version_unpinned.apt_get_version_unpinned,  # DG209 DL3008
    apk_version_unpinned.apk_version_unpinned,  # DG216 DL3018
    pip_version_unpinned.pip_version_unpinned,  # DG213 DL3013
    npm_version_unpinned.npm_version_unpinned,  # DG215 DL3016
    go_install_version_unpinned.go_install_version_unpinned,  # DG227 DL3062
    # Package caches
    apt_lists_not_removed.apt_lists_not_removed,  # DG210 DL3009
    pip_without_no_cache_dir.pip_without_no_cache_dir,  # DG221 DL3042
    # COPY and ADD
    add_instead_of_copy.add_instead_of_copy,  # DG217 DL3020
    copy_multiple_sources_to_file.copy_multiple_sources_to_file,  # DG218 DL3021
    copy_from_own_stage.copy_from_own_stage,  # DG219 DL3023
    copy_relative_without_workdir.copy_relative_without_workdir,  # DG223 DL3045
    copy_entire_filesystem.copy_entire_filesystem,  # DG229 DL3067
    # Other instructions
    env_references_same_instruction.env_references_same_instruction,  # DG222 DL3044
    expose_port_out_of_range.expose_port_out_of_range,  # DG211 DL3011
    multiple_healthchecks.multiple_healthchecks,  # DG212 DL3012
    # Users
    useradd_high_uid_without_l.useradd_high_uid_without_l,  # DG224 DL3046
)
