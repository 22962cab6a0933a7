"""DG015: A `dockerfile` fence holds an Earthfile, a shell session or command output. Reported by
the policy layer (textkind.py), once per snippet, instead of one parse error per line."""

from ...rulekit import rule


@rule(id="DG015", name="not-a-dockerfile", severity="info", guide="reference/checks.md#fragments",
      summary="A Dockerfile fence holds something else (an Earthfile, a shell session, output).",
      why="Nothing breaks for a reader: the text is what it is, only highlighted as a Dockerfile.",
      checks_instructions=False)
def not_a_dockerfile(df, ctx):
    """
    ## What it does
    Fires once on a snippet fenced as `dockerfile` that is not a Dockerfile: an Earthfile (targets,
    `SAVE ARTIFACT`, `FROM +target`), a shell session (`$ docker build .`) or command output. The
    snippet is then not checked any further.

    ## Why is this bad?
    Nothing in it can be checked as a Dockerfile, and a reader may take it for one. The right fence
    language gives the right highlighting and tells tools what the text is.

    ## Example
    ```dockerfile
    $ docker build -t app .
    $ docker run --rm app
    ```

    ## Use instead
    ~~~markdown
    ```console
    $ docker build -t app .
    $ docker run --rm app
    ```
    ~~~

    ## References
    - [Earthfile reference](https://docs.earthly.dev/docs/earthfile)
    """
    return ()
