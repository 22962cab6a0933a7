"""scratch and distroless final images (DG5xx): CA bundle, zoneinfo, no shell, no passwd, no HTTP client.

The family's rules in order; its shared helpers, if any, live beside them."""

from . import (
    distroless_debug_final,
    final_image_without_ca_certificates,
    final_image_without_zoneinfo,
    healthcheck_without_http_client,
    shell_form_command_without_shell,
    shell_form_run_without_shell,
    user_name_without_passwd,
)

RULES = (
    final_image_without_ca_certificates.final_image_without_ca_certificates,  # DG501
    final_image_without_zoneinfo.final_image_without_zoneinfo,  # DG502
    shell_form_run_without_shell.shell_form_run_without_shell,  # DG503
    shell_form_command_without_shell.shell_form_command_without_shell,  # DG504
    user_name_without_passwd.user_name_without_passwd,  # DG505
    healthcheck_without_http_client.healthcheck_without_http_client,  # DG506
    distroless_debug_final.distroless_debug_final,  # DG507
)
