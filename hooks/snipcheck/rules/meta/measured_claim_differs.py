"""DG016: A number in the text declared as measured disagrees with the real build's measurement. Reported by the claims check (snipcheck.claims) over the page text, not by a check over instructions."""

from ...rulekit import rule


@rule(id="DG016", name="measured-claim-differs", severity="error", guide="reference/checks.md#measured-numbers",
      summary="A number declared as measured disagrees with the measurement by more than 10%.",
      checks_instructions=False)
def measured_claim_differs(df, ctx):
    """
    ## What it does
    A number in the guide's text can be declared as measured with a marker that names the
    example and the fact it comes from: `[7.9 MB]{measured="static-scratch.size"}`. The real
    build measures every example it builds (image size, compressed size, layers, wasted bytes,
    user) and keeps the last figures in `snippets/measured/images.json`. This rule reports a
    declared number that is more than 10% off that measurement, a user that differs, or a marker
    naming an example or fact that has no measurement.

    ## Why is this bad?
    Sizes drift: a new base image, another Go release, one more file copied in. Prose that was
    right when it was written quietly becomes wrong, and readers make decisions on it. A declared
    number is checked on every build, so the text and the images cannot drift apart unnoticed.

    ## Example
    ~~~markdown
    The `scratch` image of the sample app is [6.4 MB]{measured="static-scratch.size"}.
    ~~~

    ## Use instead
    ~~~markdown
    The `scratch` image of the sample app is [7.9 MB]{measured="static-scratch.size"}.
    ~~~

    ## References
    - [docker image inspect](https://docs.docker.com/reference/cli/docker/image/inspect/)
    """
    return ()
