"""Annotation bodies: Markdown rendered, and an attack corpus that must never reach a page."""

from __future__ import annotations

import pytest

from annotated_reader.note_body import render_body, unsafe_html

ATTACKS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '<img src=x onerror="alert(1)">',
    "![x](https://evil.example/track.png)",
    '<iframe src="https://evil.example"></iframe>',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<span onmouseover="alert(1)">x</span>',
    '<svg onload="alert(1)"><circle r="1"/></svg>',
    '<object data="https://evil.example/x.swf"></object>',
    '<embed src="https://evil.example/x.swf">',
    "<style>body{display:none}</style>",
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<form action="https://evil.example"><input name="q"></form>',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    "<!-- <script>alert(1)</script> -->",
    '<details open ontoggle="alert(1)">x</details>',
    '<base href="https://evil.example/">',
]
FORBIDDEN = ("<script", "onerror", "onload", "onmouseover", "ontoggle", "javascript:", "vbscript:", "data:",
             "style=", "<iframe", "<img", "<svg", "<object", "<embed", "<style", "<link", "<meta", "<form",
             "<input", "<math", "<base", "<!--")  # fmt: skip


@pytest.mark.parametrize("attack", ATTACKS)
def test_an_attack_is_reported_and_never_rendered(attack: str) -> None:
    assert unsafe_html(f"A note.\n\n{attack}\n"), attack
    html = render_body(f"A note.\n\n{attack}\n").lower()
    for needle in FORBIDDEN:
        assert needle not in html, (attack, html)


def test_prose_markdown_renders_and_is_not_reported() -> None:
    body = (
        "The English reads *links*; the Chinese has **环节**.\n\n"
        '- a [published source](https://example.org/a "title")\n- `code` and <span lang="zh-Hans">中文</span>\n\n'
        "> quoted\n"
    )
    assert unsafe_html(body) == []
    html = render_body(body)
    assert "<em>links</em>" in html and "<strong>环节</strong>" in html
    assert '<a href="https://example.org/a" title="title" rel="noopener noreferrer">published source</a>' in html
    assert '<span lang="zh-Hans">中文</span>' in html and "<blockquote>" in html and "<li>" in html
