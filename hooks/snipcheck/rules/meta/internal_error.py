"""DG017: The checker itself failed on a snippet. Reported by the checker's guard around each rule (snipcheck.checker), not by a check over instructions."""

from ...rulekit import rule


@rule(id="DG017", name="internal-error", severity="error", guide="reference/checks.md#internal-errors",
      summary="The checker failed on this snippet: a bug in snipcheck, reported in place of a crash.",
      checks_instructions=False)
def internal_error(df, ctx):
    """
    ## What it does
    Reports a snippet on which one of the checker's own rules (or its parser) failed with an
    error: a bug in snipcheck, not in the page. The finding names the rule, the kind of error and
    the place in snipcheck's source, never the text that caused it. Every other rule still runs
    on the snippet, every other snippet is still checked, and the report is written in full.
    A result with this finding is not kept in the check cache.

    ## Why is this bad?
    A snippet the checker could not judge is not known to be right: the site build fails on it
    like on any error, so it does not publish unchecked. One crash never ends the whole run and
    loses the findings of every other page, as a linter that stops at its first exception does.

    ## Example
    ~~~text
    docs/app.md:12: DG017 error: the checker failed on this snippet in rule DG123: RecursionError at snipcheck/analysis/flow.py:88; the other rules ran. Please report it
    ~~~

    ## Use instead
    Report the snippet with the finding's line. Until a release fixes the rule, switch it off in
    the configuration; the snippet is checked anew on the next run:

    ~~~yaml
    ignore: [DG123]
    ~~~

    ## References
    - [Python's built-in exceptions](https://docs.python.org/3/library/exceptions.html)
    """
    return ()
