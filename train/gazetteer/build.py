#!/usr/bin/env python3
"""Write src/kgraph/data/gazetteer.tsv from the `vietnam-provinces` package's data files.

    pip download --no-deps vietnam-provinces==0.6.0 vietnam-provinces==2025.10.1 -d /tmp/vp
    (unzip each wheel)
    python train/gazetteer/build.py /tmp/vp/v06/vietnam_provinces/data/nested-divisions.json \
        /tmp/vp/v2025/vietnam_provinces/data/nested-divisions.json

0.6.0 holds the units until the 2025 reorganisation (63 provinces, 696 districts, 10,051
communes); 2025.10.1 those after it (34 provinces, their communes; no districts). Both come
from the General Statistics Office's official register of administrative units. One row per
unit: period, level word, official code, name without its level word, parent's code.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

from kgraph.text import normalize_tones

OUT = Path(__file__).resolve().parents[2] / "src" / "kgraph" / "data" / "gazetteer.tsv"
LEVELS = ("Thành phố", "Tỉnh", "Quận", "Huyện", "Thị xã", "Thị trấn", "Xã", "Phường", "Đặc khu")


def _normal(name: str) -> str:
    """NFC, common tone placement, single spaces: the form kgraph compares names in."""
    return " ".join(normalize_tones(unicodedata.normalize("NFC", name)).split())


def split_level(name: str, division_type: str = "") -> tuple[str, str]:
    for level in LEVELS:
        if name.lower().startswith(level.lower() + " "):  # 'Thành Phố Bắc Kạn' is written so too
            return level.lower(), _normal(name[len(level) + 1 :])
    if division_type:  # 2025 data: 'Cao Bằng', division_type 'tỉnh'
        return ("thành phố" if division_type.startswith("thành phố") else division_type), _normal(name)
    raise ValueError(f"no level word in {name!r}")


def rows(path: str, period: str) -> list[str]:
    out = []
    for province in json.loads(Path(path).read_text(encoding="utf-8")):
        level, name = split_level(province["name"], province.get("division_type", ""))
        out.append(f"{period}\t{level}\t{province['code']:02d}\t{name}\t")
        units = [(d, province) for d in province.get("districts", [])]
        for district, _ in units:
            level, name = split_level(district["name"])
            out.append(f"{period}\t{level}\t{district['code']:03d}\t{name}\t{province['code']:02d}")
            for ward in district.get("wards", []):
                level, name = split_level(ward["name"])
                out.append(f"{period}\t{level}\t{ward['code']:05d}\t{name}\t{district['code']:03d}")
        for ward in province.get("wards", []):
            level, name = split_level(ward["name"])
            out.append(f"{period}\t{level}\t{ward['code']:05d}\t{name}\t{province['code']:02d}")
    return out


def main(before: str, after: str) -> int:
    lines = rows(before, "until-2025-07") + rows(after, "from-2025-07")
    header = (
        "# Vietnam's administrative units before and after the July 2025 reorganisation (General Statistics\n"
        "# Office register, via vietnam-provinces 0.6.0 and 2025.10.1; train/gazetteer/build.py).\n"
        "# period<TAB>level<TAB>official code<TAB>name<TAB>parent's code (same period)\n"
    )
    OUT.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} units -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
