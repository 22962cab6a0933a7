"""scratch and distroless final images (DG5xx): CA bundle, zoneinfo, no shell, no passwd, no HTTP client.

The family's rule modules in order, each defining the rule function of its own name; its shared
helpers, if any, live beside them."""

RULE_MODULES = (
    "final_image_without_ca_certificates",  # DG501
    "final_image_without_zoneinfo",  # DG502
    "shell_form_run_without_shell",  # DG503
    "shell_form_command_without_shell",  # DG504
    "user_name_without_passwd",  # DG505
    "healthcheck_without_http_client",  # DG506
    "distroless_debug_final",  # DG507
)
