"""Image facts from a `docker save` archive: wasted bytes from whiteouts, opaque folders and
overwrites; gzip sizes cached per layer; the toolchain left in the image. Archives are made here
with tarfile in the layout `docker save` writes (the real-engine figures are in the Docker tests)."""

from __future__ import annotations

import hashlib
import io
import json
import tarfile

from snipcheck.builder.facts import LayerWalk, facts_from_archive, gzip_size


def layer(*entries) -> bytes:
    """entries: (path, size) for a file, (path, None) for a folder."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        for path, size in entries:
            info = tarfile.TarInfo(path)
            if size is None:
                info.type = tarfile.DIRTYPE
                tar.addfile(info)
            else:
                info.size = size
                tar.addfile(info, io.BytesIO(b"x" * size))
    return buf.getvalue()


def walk(*layers) -> LayerWalk:
    w = LayerWalk()
    for data in layers:
        with tarfile.open(fileobj=io.BytesIO(data)) as tar:
            w.add_layer(tar)
    return w


def test_a_later_removal_wastes_what_the_earlier_layer_added():
    w = walk(layer(("var/", None), ("var/cache/apt/a.deb", 1000), ("var/cache/apt/b.deb", 500), ("app", 10)),
             layer(("var/cache/apt/.wh.a.deb", 0)))
    assert w.wasted == 1000 and "var/cache/apt/a.deb" not in w.files and "var/cache/apt/b.deb" in w.files


def test_a_whiteout_of_a_folder_and_an_opaque_folder_waste_everything_below():
    base = layer(("src/", None), ("src/a.go", 300), ("src/sub/b.go", 200), ("keep/c", 7))
    assert walk(base, layer((".wh.src", 0))).wasted == 500
    opaque = walk(base, layer(("src/", None), ("src/.wh..wh..opq", 0), ("src/new.go", 5)))
    assert opaque.wasted == 500 and set(opaque.files) >= {"src/new.go", "keep/c"}


def test_overwriting_a_file_wastes_the_old_copy_and_an_untouched_image_wastes_nothing():
    w = walk(layer(("app", 4000)), layer(("app", 4000), ("etc/passwd", 30)))  # e.g. RUN chown -R
    assert w.wasted == 4000 and w.wasted_by_path == {"app": 4000}
    assert walk(layer(("app", 4000)), layer(("etc/passwd", 30))).wasted == 0


def test_gzip_size_is_the_compressed_length():
    data = b"a" * 100_000
    assert 0 < gzip_size(io.BytesIO(data)) < 1000


def save_archive(path, layers, user=""):
    """A `docker save` archive (legacy layout: <id>/layer.tar, manifest.json, config)."""
    diff_ids = ["sha256:" + hashlib.sha256(data).hexdigest() for data in layers]
    config = json.dumps({"rootfs": {"type": "layers", "diff_ids": diff_ids}, "config": {"User": user}}).encode()
    with tarfile.open(path, "w") as tar:
        def add(name, data):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        names = [f"{n}/layer.tar" for n in range(len(layers))]
        for name, data in zip(names, layers):
            add(name, data)
        add("cfg.json", config)
        add("manifest.json", json.dumps([{"Config": "cfg.json", "RepoTags": ["x:1"], "Layers": names}]).encode())
    return diff_ids


def test_facts_from_an_archive(tmp_path):
    layers = [layer(("usr/local/go/bin/go", 2000), ("tmp/big", 5000)), layer(("tmp/.wh.big", 0), ("app", 100))]
    diff_ids = save_archive(tmp_path / "image.tar", layers)
    sizes = {}
    inspect = {"Size": 7100, "Config": {"User": ""}, "RootFS": {"Layers": diff_ids}}
    facts = facts_from_archive(tmp_path / "image.tar", inspect, sizes)
    assert (facts.size, facts.layers, facts.wasted_bytes, facts.user) == (7100, 2, 5000, "")
    assert facts.runs_as == "root (no USER)" and facts.toolchain == ("usr/local/go/bin/go",)
    assert facts.wasted_paths == ("tmp/big",)
    assert set(sizes) == set(diff_ids) and facts.compressed_size == sum(sizes.values())
    # a second image sharing the base layer compresses nothing again: the stored size is used
    sizes[diff_ids[0]] = 1
    again = facts_from_archive(tmp_path / "image.tar", inspect, sizes)
    assert again.compressed_size == 1 + sizes[diff_ids[1]]
