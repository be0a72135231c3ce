#!/usr/bin/env python3
"""Verify questions.jsonl against /work/shared/data/guidelines.

Text variants per document (each whitespace run, NBSP included, collapsed to one
space):
  HTML : html.parser, entities unescaped, tags -> ""  and  tags -> " "
  MD   : raw text
  PDF  : `pdftotext -layout`  and  plain `pdftotext`
A passage must occur in EVERY variant of its own document, exactly once in each,
and in NO variant of any other document.  Also checks ids, kinds, counts,
coverage of all 24 documents, passage length / sentence count, and reports the
question-passage token overlap.
Exit status 0 = pass.
"""
import html, json, os, re, subprocess, sys
from collections import Counter
from html.parser import HTMLParser

D = "/work/shared/data/guidelines"
HERE = os.path.dirname(os.path.abspath(__file__))
WS = re.compile(r"[\s\u00a0]+")
KIND_TARGET = {"recommendation": 30, "dosing": 20, "threshold": 15, "other": 15}
STOP = set("""a an the of in on for to and or with without is are be by at as it its
this that these those from into than then if when what which who whom how do does
did should can could would will i my me we you your he she they them their his her
not no ok vs per after before about any all some more most less""".split())


def norm(s):
    return WS.sub(" ", s).strip()


class _P(HTMLParser):
    def __init__(self, sep):
        super().__init__(convert_charrefs=True)
        self.sep, self.out = sep, []

    def handle_starttag(self, t, a): self.out.append(self.sep)
    def handle_endtag(self, t): self.out.append(self.sep)
    def handle_startendtag(self, t, a): self.out.append(self.sep)
    def handle_data(self, d): self.out.append(d)


def variants(fn):
    path = os.path.join(D, fn)
    if fn.endswith(".html"):
        raw = open(path, encoding="utf-8").read()
        res = {}
        for name, sep in (("html-tag-empty", ""), ("html-tag-space", " ")):
            p = _P(sep); p.feed(raw); p.close()
            res[name] = norm(html.unescape("".join(p.out)))
        return res
    if fn.endswith(".md"):
        return {"md-raw": norm(open(path, encoding="utf-8").read())}
    if fn.endswith(".pdf"):
        res = {}
        for name, args in (("pdf-layout", ["-layout"]), ("pdf-plain", [])):
            out = subprocess.run(["pdftotext", *args, path, "-"], capture_output=True,
                                 text=True, check=True).stdout
            res[name] = norm(out)
        return res
    raise ValueError(fn)


def docs():
    return sorted(f for f in os.listdir(D)
                  if f.endswith((".html", ".md", ".pdf")) and f != "README.md")


def toks(s):
    return [t for t in re.findall(r"[a-z0-9]+", s.lower()) if t not in STOP]


def overlap(q, p):
    qt = set(toks(q)); pt = set(toks(p))
    return len(qt & pt) / max(1, len(qt))


def main():
    rows = [json.loads(l) for l in open(os.path.join(HERE, "questions.jsonl"), encoding="utf-8")]
    errors = []
    all_docs = docs()
    V = {d: variants(d) for d in all_docs}
    if len(all_docs) != 24:
        errors.append("expected 24 documents, found %d" % len(all_docs))
    ids = [r["id"] for r in rows]
    if ids != ["k%02d" % i for i in range(1, 81)]:
        errors.append("ids are not k01..k80 in order")
    kc = Counter(r["kind"] for r in rows)
    if dict(kc) != KIND_TARGET:
        errors.append("kind counts %s != %s" % (dict(kc), KIND_TARGET))
    dc = Counter(r["doc"] for r in rows)
    for d in all_docs:
        if dc[d] == 0:
            errors.append("document not covered: " + d)
    for r in rows:
        if set(r) != {"id", "question", "doc", "answer_passage", "kind"}:
            errors.append(r["id"] + ": bad keys")
        p, d = r["answer_passage"], r["doc"]
        if d not in V:
            errors.append(r["id"] + ": unknown doc " + d); continue
        if p != norm(p):
            errors.append(r["id"] + ": passage has non-normalised whitespace")
        if len(p) < 60:
            errors.append(r["id"] + ": passage shorter than 60 chars")
        nsent = len(re.findall(r"[.!?](?:\s|$)", p))
        if nsent > 3:
            errors.append(r["id"] + ": passage looks longer than 3 sentences (%d)" % nsent)
        for vn, text in V[d].items():
            c = text.count(p)
            if c != 1:
                errors.append("%s: found %d times in %s [%s]" % (r["id"], c, d, vn))
        for od in all_docs:
            if od == d:
                continue
            for vn, text in V[od].items():
                if p in text:
                    errors.append("%s: also occurs in %s [%s]" % (r["id"], od, vn))
    if len(set(r["answer_passage"] for r in rows)) != len(rows):
        errors.append("duplicate passages")
    if len(set(r["question"].lower() for r in rows)) != len(rows):
        errors.append("duplicate questions")
    ov = sorted(((overlap(r["question"], r["answer_passage"]), r["id"]) for r in rows), reverse=True)
    print("kinds:", dict(kc))
    print("docs:", len(dc), "covered of", len(all_docs))
    print("token overlap (share of question content tokens found in passage): mean %.2f, max %.2f"
          % (sum(o for o, _ in ov) / len(ov), ov[0][0]))
    print("highest overlap:", ", ".join("%s=%.2f" % (i, o) for o, i in ov[:8]))
    if errors:
        print("FAIL (%d problems)" % len(errors))
        for e in errors:
            print("  -", e)
        return 1
    print("PASS: %d questions, every passage exactly once in every variant of its own document "
          "and in no other document" % len(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
