"""Supply chain (DG8xx): piped installers, unchecked downloads, secrets in the context, digest pinning.

The family's rules in order; its shared helpers, if any, live beside them."""

from . import (
    add_url_without_checksum,
    base_image_not_pinned_by_digest,
    copy_secret_file,
    pipe_to_shell,
)

RULES = (
    pipe_to_shell.pipe_to_shell,  # DG801
    add_url_without_checksum.add_url_without_checksum,  # DG802
    copy_secret_file.copy_secret_file,  # DG803
    base_image_not_pinned_by_digest.base_image_not_pinned_by_digest,  # DG805
)
