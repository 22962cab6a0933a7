"""Questions rules of several families ask of a parsed Dockerfile: shell commands, stage flow,
file origins, Go builds, layers and packages. Pure functions over the model, no rule logic."""
