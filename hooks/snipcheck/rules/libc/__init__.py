"""musl and glibc (DG60x): binaries built against one C library and shipped with the other.

The family's rule modules in order, each defining the rule function of its own name; its shared
helpers, if any, live beside them."""

RULE_MODULES = (
    "glibc_binary_in_alpine",  # DG601
    "musl_binary_in_glibc",  # DG602
    "libc_compat_workaround",  # DG603
)
