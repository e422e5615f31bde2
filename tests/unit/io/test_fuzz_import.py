"""Mutated files of every import format, fed to `annotator import`: every run ends with
exit 0 or 1 and a sentence (never a traceback), and the database is unchanged when the
exit is 1 (hypothesis; bounded to well under a minute)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.project import Project
from tests.helpers.cli import fingerprint, run

TEXT = "قالَ الوزير 😀 أنتوني بلينكن\nإن \"القرار\" 2254 هو الحل, الوحيد"

SEEDS = {
    "native.jsonl": json.dumps({
        "id": "0b9d6a5e-6a43-4c38-9a30-2b8f8b0a0c11", "text": TEXT, "title": "=t",
        "sha256": "x", "spans": [
            {"id": "5b0b2f4e-0d59-4b8f-8f6b-111111111111", "start": 14, "end": 27,
             "label": "ACTOR", "attributes": {"type": "person"}},
            {"id": "5b0b2f4e-0d59-4b8f-8f6b-222222222222", "start": 31, "end": 42,
             "label": "CLAIM"}],
        "relations": [{"id": "5b0b2f4e-0d59-4b8f-8f6b-333333333333", "type": "SAID_BY",
                       "head": "5b0b2f4e-0d59-4b8f-8f6b-222222222222",
                       "tail": "5b0b2f4e-0d59-4b8f-8f6b-111111111111"}],
        "doc_labels": [{"field": "relevance", "value": "relevant"}]},
        ensure_ascii=False) + "\n",
    "doccano.jsonl": json.dumps({"text": TEXT, "entities": [
        {"id": 1, "label": "ACTOR", "start_offset": 15, "end_offset": 28}],
        "relations": []}, ensure_ascii=False) + "\n",
    "ls.json": json.dumps([{"data": {"text": TEXT}, "annotations": [{"result": [
        {"id": "a", "type": "labels", "from_name": "label", "to_name": "text",
         "value": {"start": 14, "end": 27, "labels": ["ACTOR"]}}]}]}], ensure_ascii=False),
    "table.csv": f'title,text\n"=أ","{TEXT.replace(chr(34), chr(34) * 2)}"\nب,نص ثان هنا\n',
    "table.tsv": "title\ttext\nأ\tنص أول عن الاجتماع\nب\tنص ثان عن الاجتماع\n",
    "article.txt": "عنوان الخبر - موقع\nعنوان الخبر\nبلدي نيوز\n" + TEXT + "\n",
}
BRAT = ("T1\tACTOR 14 27\tأنتوني بلينكن\nT2\tCLAIM 31 42\t\"القرار\" 2\n"
        "R1\tSAID_BY Arg1:T2 Arg2:T1\nA1\ttype T1 person\n#1\tAnnotatorNotes T1\tملاحظة\n")

NASTY = [b"\x00", b"\xff", b"\xc3", b'"', b"{", b"}", b"[", b"]", b",", b"\t", b"\n", b"\r",
         b"\\ud800", b"\\", b"-1", b"99999999999999999999", b"null", b"\xef\xbb\xbf",
         "\u2028".encode(), "😀".encode(), b"T1", b"Arg1:T9", b":", b"1e309", b"true"]


@st.composite
def mutated(draw, seed: bytes) -> bytes:
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["insert", "delete", "replace", "truncate", "repeat"]))
        at = draw(st.integers(0, max(0, len(data))))
        if op == "insert":
            data[at:at] = draw(st.sampled_from(NASTY) | st.binary(max_size=6))
        elif op == "delete":
            del data[at:at + draw(st.integers(1, 12))]
        elif op == "replace" and data:
            data[min(at, len(data) - 1)] = draw(st.integers(0, 255))
        elif op == "truncate":
            del data[at:]
        else:
            data[at:at] = data[at:at + draw(st.integers(1, 40))]
    return bytes(data)


def _check(files: dict[str, bytes], target: str, extra: tuple[str, ...] = ()) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = folder / "work.db"
        project = Project.open(db, "fuzz")
        project.add_document("نص موجود من قبل في قاعدة البيانات")
        project.close()
        for name, data in files.items():
            (folder / name).write_bytes(data)
        before = fingerprint(db)
        code, out, err = run("import", folder / target, "--db", db, *extra)
        assert code in (0, 1), (code, out, err)
        assert "Traceback" not in err and "unexpected error" not in err
        if code == 1:
            assert err.startswith("annotator: ") and fingerprint(db) == before, err


FUZZ = settings(max_examples=250, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@FUZZ
@given(st.sampled_from(sorted(SEEDS)), st.data())
def test_mutated_files_of_every_format(name: str, data: st.DataObject) -> None:
    content = data.draw(mutated(SEEDS[name].encode("utf-8")))
    extra = ("--add-labels",) if data.draw(st.booleans()) else ()
    _check({name: content}, name, extra)


@FUZZ
@given(st.data())
def test_mutated_brat_pairs(data: st.DataObject) -> None:
    ann = data.draw(mutated(BRAT.encode("utf-8")))
    txt = data.draw(mutated(TEXT.encode("utf-8"))) if data.draw(st.booleans()) \
        else TEXT.encode("utf-8")
    _check({"doc.txt": txt, "doc.ann": ann}, "doc.ann")
