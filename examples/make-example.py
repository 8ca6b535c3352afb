#!/usr/bin/env python3
"""Writes examples/wasteful-mini, the small OCI image README's first command analyses.

Three layers with the classic mistakes: a download removed in a later layer (dead bytes dive misses
when a folder is removed), a file copied twice, and a config rewritten. Deterministic: same bytes every run.
"""
import gzip, hashlib, io, json, os, shutil, tarfile

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "wasteful-mini")


def layer(entries):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, data in entries:
            info = tarfile.TarInfo(name)
            info.mtime = 1700000000
            if data is None:
                info.type, info.mode = tarfile.DIRTYPE, 0o755
                tar.addfile(info)
            else:
                info.size, info.mode = len(data), 0o644
                tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def blob(data):
    digest = hashlib.sha256(data).hexdigest()
    with open(os.path.join(OUT, "blobs", "sha256", digest), "wb") as f:
        f.write(data)
    return "sha256:" + digest, len(data)


def pattern(seed, size):
    out, state = bytearray(), hashlib.sha256(seed.encode()).digest()
    while len(out) < size:
        state = hashlib.sha256(state).digest()
        out += state
    return bytes(out[:size])


shutil.rmtree(OUT, ignore_errors=True)
os.makedirs(os.path.join(OUT, "blobs", "sha256"))
app = pattern("app", 6000)
layers = [
    ("COPY rootfs /", [("etc", None), ("etc/app.conf", b"debug=true\n"), ("app", None), ("app/main.py", app)]),
    ("RUN curl -o /tmp/sdk.tar https://example.invalid/sdk && tar xf /tmp/sdk.tar -C /opt",
     [("tmp", None), ("tmp/sdk.tar", pattern("sdk", 40000)), ("opt", None), ("opt/sdk", None),
      ("opt/sdk/tool", pattern("tool", 12000)), ("app/main-copy.py", app)]),
    ("RUN rm -rf /tmp/sdk.tar /opt/sdk && echo debug=false > /etc/app.conf",
     [("tmp/.wh.sdk.tar", b""), ("opt/.wh.sdk", b""), ("etc/app.conf", b"debug=false\n")]),
]
descriptors, diff_ids, history = [], [], []
for created_by, entries in layers:
    tar = layer(entries)
    diff_ids.append("sha256:" + hashlib.sha256(tar).hexdigest())
    digest, size = blob(gzip.compress(tar, mtime=0))
    descriptors.append({"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": digest, "size": size})
    history.append({"created_by": created_by})
config = json.dumps({"architecture": "amd64", "os": "linux", "config": {"Cmd": ["python3", "/app/main.py"]},
                     "rootfs": {"type": "layers", "diff_ids": diff_ids}, "history": history}).encode()
config_digest, config_size = blob(config)
manifest = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                       "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": config_digest, "size": config_size},
                       "layers": descriptors}).encode()
manifest_digest, manifest_size = blob(manifest)
with open(os.path.join(OUT, "oci-layout"), "w") as f:
    f.write('{"imageLayoutVersion":"1.0.0"}')
with open(os.path.join(OUT, "index.json"), "w") as f:
    json.dump({"schemaVersion": 2, "manifests": [{"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": manifest_digest,
               "size": manifest_size, "annotations": {"org.opencontainers.image.ref.name": "latest"}}]}, f)
