"""DG009: A file the page names or includes was not read: too large, not text, or unreadable. Reported while reading the page."""

from ...rulekit import rule


@rule(id="DG009", name="input-refused", severity="error", guide="reference/security.md#limits",
      summary="A page or included file is too large, not UTF-8 text, or cannot be read.",
      checks_instructions=False)
def input_refused(df, ctx):
    """
    ## What it does
    Reports a page, an included file or a `dockerignore=` file that the checker refused to read:
    larger than `max_file_bytes`, more included text than `max_page_bytes` for one page, not
    UTF-8 (or UTF-16 with a byte order mark), or unreadable. Only the first `max_file_bytes`
    bytes of a file are ever read.

    ## Why is this bad?
    MkDocs would fail on the same file (here a folder, not a file), or render something else
    than what was checked; a huge include (or one large file included many times) would
    exhaust the memory of the machine that builds the site.

    ## Example
    ~~~markdown
    --8<-- "app"
    ~~~

    ## Use instead
    ~~~markdown
    --8<-- "app/go.mod"
    ~~~

    ## References
    - [pymdownx.snippets](https://facelessuser.github.io/pymdown-extensions/extensions/snippets/)
    """
    return ()
