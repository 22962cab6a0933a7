"""The real build: build a page's complete Dockerfile examples against the sample app with a real
Docker engine, run each image's selfcheck, and report failures as findings (DG010, DG011).

    with DockerBuilder() as builder:
        reports = build_snippets(snippets, results, root_dir, builder)
    print(summary(reports, builder.describe()))
"""

from .docker import DockerBuilder, default_docker
from .model import Builder, BuildJob, BuildOutcome, EngineError, Status
from .plan import APP_CONTEXT, is_buildable, plan_jobs
from .report import BUILD_RULE_IDS, BuildReport, build_snippets, findings_for, summary

__all__ = [
    "APP_CONTEXT", "BUILD_RULE_IDS", "BuildJob", "BuildOutcome", "BuildReport", "Builder", "DockerBuilder",
    "EngineError", "Status", "build_snippets", "default_docker", "findings_for", "is_buildable", "plan_jobs",
    "summary",
]
