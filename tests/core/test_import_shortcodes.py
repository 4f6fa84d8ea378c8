"""Hugo shortcodes and Jekyll Liquid in imported bodies become Redaksi's figures, embeds
and code blocks; the rest stays as typed and is named in the report and the checklist."""

from __future__ import annotations

from pathlib import Path

from editor.articles import get_article
from editor.database import Database
from editor.importer import import_paths
from editor.render.pipeline import markdown_to_html

HUGO_POST = """\
---
title: "Hugo 0.120 dirilis"
date: 2023-11-01T10:00:00+07:00
---

Rilis ini membawa banyak perbaikan.

{{< youtube hjD9jTi_DQ4 >}}

{{< figure src="/images/hugo.png" alt="Logo Hugo" caption="Logo baru Hugo" attr="Hugo Authors" >}}
Paragraf setelah gambar.

{{< x user="GoHugoIO" id="1719370893437419650" >}}

{{< highlight go "linenos=table" >}}
func main() {
    fmt.Println("{{< youtube bukan >}}")
}
{{< /highlight >}}

```toml
# contoh di dokumentasi: tidak diubah
{{< youtube dokumentasi >}}
```

{{< gist spf13 7896402 >}}

Term
: definisi ala Goldmark
"""

JEKYLL_POST = """\
---
layout: post
title: Jekyll 2.4.0 Released
---

Ringkasan rilis.
{: .lead}

{% highlight diff %}
- lama
+ baru
{% endhighlight %}

{% tweet https://twitter.com/jekyllrb/status/509448357442179072 %}

Lihat juga {% post_url 2014-08-10-jekyll-2-3-0-released %}.
"""


def test_common_shortcodes_convert_and_the_rest_is_named(
    sqlite_db: Database, tmp_path: Path
) -> None:
    (tmp_path / "content/posts").mkdir(parents=True)
    (tmp_path / "content/posts/hugo-0-120.md").write_text(HUGO_POST, "utf-8")
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_posts/2014-09-09-jekyll-2-4-0-released.md").write_text(JEKYLL_POST, "utf-8")

    report = import_paths(sqlite_db, [tmp_path])

    assert report.problems == []
    files = {f.path.name: f for f in report.created}
    hugo = get_article(sqlite_db, files["hugo-0-120.md"].article_id).body
    assert "\n\nhttps://www.youtube.com/watch?v=hjD9jTi_DQ4\n\n" in hugo
    assert (
        "\n\n![Logo Hugo](/images/hugo.png)\nLogo baru Hugo\nFoto: Hugo Authors\n\n"
        "Paragraf setelah gambar.\n" in hugo
    )
    assert "\n\nhttps://x.com/GoHugoIO/status/1719370893437419650\n\n" in hugo
    assert '```go\nfunc main() {\n    fmt.Println("{{< youtube bukan >}}")\n}\n```\n' in hugo
    assert (
        "```toml\n# contoh di dokumentasi: tidak diubah\n{{< youtube dokumentasi >}}\n```" in hugo
    )
    assert "{{< gist spf13 7896402 >}}" in hugo  # kept as typed, nothing lost

    html = markdown_to_html(hugo)
    assert 'class="embed embed-youtube"' in html and 'class="embed embed-x"' in html
    assert "<figcaption>Logo baru Hugo" in html
    assert "<pre><code>func main() {" in html

    said = files["hugo-0-120.md"].remarks
    assert "4 shortcodes converted" in said
    assert "kept as typed, the checklist names them: {{< gist >}}" in said
    assert any("a definition list" in remark for remark in said)

    jekyll = get_article(sqlite_db, files["2014-09-09-jekyll-2-4-0-released.md"].article_id)
    assert jekyll.body == (
        "Ringkasan rilis.\n\n```diff\n- lama\n+ baru\n```\n\n"
        "https://twitter.com/jekyllrb/status/509448357442179072\n\n"
        "Lihat juga {% post_url 2014-08-10-jekyll-2-3-0-released %}.\n"
    )
    assert "kept as typed, the checklist names them: {% post_url %}" in (
        files["2014-09-09-jekyll-2-4-0-released.md"].remarks
    )

    # A second import is unchanged: converted bodies are stable.
    again = import_paths(sqlite_db, [tmp_path])
    assert len(again.unchanged) == 2
