from spec import assert_catches, assert_clean

R = "DG611"


def test_catches_chown_of_copied_dir():
    assert_catches(R, "COPY app/ /srv/app/\nRUN chown -R 65534:65534 /srv/app", line=2)


def test_catches_chmod_of_parent_dir():
    assert_catches(R, "COPY bin/tool /opt/tools/tool\nRUN chmod -R 755 /opt/tools")


def test_catches_relative_to_workdir():
    assert_catches(R, "WORKDIR /app\nCOPY . .\nRUN chown -R app:app .")


def test_catches_combined_flags_and_copy_from():
    assert_catches(R, """
        FROM golang:1.23 AS build
        FROM alpine:3.20
        COPY --from=build /out/ /srv/
        RUN chown -fR 65534 /srv
    """)


def test_catches_through_from_stage_chain():
    assert_catches(R, """
        FROM alpine:3.20 AS base
        COPY site/ /var/www/
        FROM base AS middle
        RUN true
        FROM middle
        RUN chown -R 65534 /var/www
    """)


def test_clean_copy_chown_flag():
    assert_clean(R, "COPY --chown=65534:65534 app/ /srv/app/")


def test_clean_non_recursive_and_other_paths():
    assert_clean(R, "COPY app/ /srv/app/\nRUN chown 65534 /srv/app && chown -R 65534 /var/log/app")


def test_clean_directory_made_in_same_run():
    assert_clean(R, "COPY app/ /srv/app/\nRUN mkdir -p /srv/app/data && chown -R 65534 /srv/app/data")


def test_clean_builder_stage_not_in_final_image():
    assert_clean(R, """
        FROM alpine:3.20 AS build
        COPY src/ /src/
        RUN chown -R 65534 /src
        FROM scratch
        COPY --from=build /src/app /app
    """)


def test_clean_file_copied_into_root():
    assert_clean(R, "COPY entrypoint.sh /\nRUN chown -R 65534 /var/lib/app")
