"""The fence names that mark a Dockerfile, apart from the scanner (markdown.py), so that what needs
only the names (the fence formatter, a build served from the caches) does not load the scanner."""

DOCKERFILE_LANGUAGES = frozenset({"dockerfile", "docker", "containerfile"})  # compared case-insensitively
# The spellings the site's custom fence renders (SuperFences matches names exactly).
FENCE_NAMES = ("dockerfile", "Dockerfile", "DOCKERFILE", "docker", "Docker", "containerfile", "Containerfile")
