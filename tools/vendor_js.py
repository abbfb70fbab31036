"""Fetch the explorer's JavaScript libraries from the npm registry and vendor them.

    python tools/vendor_js.py        # needs npm; writes src/historiograph/web/static/vendor/

Each library is pinned below; its files and licence are copied into the package, and
``vendor/MANIFEST.json`` records version, licence, npm integrity and each file's SHA-256
(the tests check the files against it). Pages then work offline, with no CDN.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VENDOR = Path(__file__).resolve().parents[1] / "src/historiograph/web/static/vendor"
LIBRARIES = {
    "vis-timeline": {
        "version": "8.5.4",
        "license": "Apache-2.0 OR MIT",
        "files": [
            "standalone/umd/vis-timeline-graph2d.min.js",
            "styles/vis-timeline-graph2d.min.css",
            "LICENSE.MIT.txt",
            "LICENSE.Apache-2.0.txt",
        ],
    },
    "cytoscape": {
        "version": "3.34.4",
        "license": "MIT",
        "files": ["dist/cytoscape.min.js", "LICENSE"],
    },
}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> int:
    manifest = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, lib in LIBRARIES.items():
            spec = f"{name}@{lib['version']}"
            out = subprocess.run(
                ["npm", "pack", spec, "--json", "--pack-destination", tmp],
                check=True, capture_output=True, text=True,
            )  # fmt: skip
            info = json.loads(out.stdout)[0]
            with tarfile.open(Path(tmp) / info["filename"]) as tar:
                tar.extractall(Path(tmp) / name, filter="data")
            target = VENDOR / name
            shutil.rmtree(target, ignore_errors=True)
            target.mkdir(parents=True)
            files = {}
            for rel in lib["files"]:
                src = Path(tmp) / name / "package" / rel
                dst = target / src.name
                shutil.copyfile(src, dst)
                files[dst.name] = sha256(dst)
            manifest[name] = {
                "version": lib["version"],
                "license": lib["license"],
                "integrity": info["integrity"],
                "files": files,
            }
            print(f"vendored {spec} ({lib['license']}): {', '.join(files)}")
    (VENDOR / "MANIFEST.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
