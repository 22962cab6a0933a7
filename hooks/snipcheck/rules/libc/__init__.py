"""musl and glibc (DG60x): binaries built against one C library and shipped with the other.

The family's rules in order; its shared helpers, if any, live beside them."""

from . import (
    glibc_binary_in_alpine,
    libc_compat_workaround,
    musl_binary_in_glibc,
)

RULES = (
    glibc_binary_in_alpine.glibc_binary_in_alpine,  # DG601
    musl_binary_in_glibc.musl_binary_in_glibc,  # DG602
    libc_compat_workaround.libc_compat_workaround,  # DG603
)
