"""DG008: A path the page names lies outside the folders pages may read. Reported while reading the page, not by a check over instructions."""

from ...rulekit import rule


@rule(id="DG008", name="path-outside-allowed-folders", severity="error", guide="reference/security.md#paths",
      summary="An include, dockerignore= or build context path lies outside the folders pages may read.",
      checks_instructions=False)
def path_outside_allowed_folders(df, ctx):
    """
    ## What it does
    Reports a `--8<--` include or a fence's `dockerignore="…"` whose path leaves the snippet
    folders (an absolute path, `..`) or resolves, through a symlink, to a file outside the
    allowed folders (the `pymdownx.snippets` base paths, `docs/` and `snippets/`). The file is
    not read, and the finding names only the path as the page wrote it.

    ## Why is this bad?
    Pages are input from whoever opens a pull request. A path such as `/etc/passwd`,
    `../.git/config` or `/proc/self/environ` would copy a file of the machine that builds the
    site into a report, an annotation or the published page.

    ## Example
    ~~~markdown
    --8<-- "../mkdocs.yml"
    ~~~

    ## Use instead
    ~~~markdown
    --8<-- "app/go.mod"
    ~~~

    ## References
    - [pymdownx.snippets: restrict_base_path](https://facelessuser.github.io/pymdown-extensions/extensions/snippets/)
    """
    return ()
