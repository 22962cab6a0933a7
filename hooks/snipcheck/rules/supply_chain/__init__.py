"""Supply chain (DG8xx): piped installers, unchecked downloads, secrets in the context, digest pinning, end of life.

The family's rule modules in order, each defining the rule function of its own name; its shared
helpers, if any, live beside them."""

RULE_MODULES = (
    "pipe_to_shell",  # DG801
    "add_url_without_checksum",  # DG802
    "copy_secret_file",  # DG803
    "base_image_not_pinned_by_digest",  # DG805
    "base_image_end_of_life",  # DG806
)
