from pages.legacy.html import convert_html, rich_text, stream_blocks

WORD = (
    '<p class="MsoNormal" style="margin:0"><font face="Arial"><span style="color:red">Сесія</span>'
    '<o:p></o:p></font></p><p>&nbsp;</p><p class="MsoNormal"><o:p>&nbsp;</o:p></p>'
)


def test_word_markup_styles_and_fonts_are_removed():
    fragments, _ = convert_html(WORD)
    assert rich_text(fragments) == "<p>Сесія</p>"


def test_headings_lists_and_external_links_are_kept():
    html = '<h1>Заголовок</h1><h3>Розділ</h3><ol><li>один</li></ol><p><a href="https://rada.gov.ua/">Рада</a></p>'
    fragments, unresolved = convert_html(html)
    assert rich_text(fragments) == (
        "<h2>Заголовок</h2><h3>Розділ</h3><ol><li>один</li></ol>"
        '<p><a href="https://rada.gov.ua/">Рада</a></p>'
    )
    assert unresolved is False


def test_word_document_settings_are_dropped_with_their_content():
    # What Word puts before the text when its conditional comments were lost on the way.
    html = (
        "<xml><w:WordDocument><w:View>Normal</w:View><w:Zoom>0</w:Zoom>"
        "<w:TrackMoves>false</w:TrackMoves><w:LidThemeOther>UK</w:LidThemeOther></w:WordDocument></xml>"
        '<xml><w:LatentStyles DefLockedState="false" LatentStyleCount="267"></w:LatentStyles></xml>'
        '<style>table.MsoNormalTable {mso-style-name:"Звичайна таблиця";}</style>'
        '<p class="MsoNormal">Рішення сесії</p>'
    )
    fragments, _ = convert_html(html)
    assert rich_text(fragments) == "<p>Рішення сесії</p>"


def test_scripts_are_dropped_with_their_content():
    fragments, _ = convert_html("<p>Текст</p><script>alert(1)</script>")
    assert rich_text(fragments) == "<p>Текст</p>"


def test_link_to_an_imported_item_becomes_a_page_link():
    fragments, unresolved = convert_html(
        '<p><a href="/news/1.html">новина</a></p>',
        resolve_link=lambda href: 42 if href == "/news/1.html" else None,
    )
    assert rich_text(fragments) == '<p><a id="42" linktype="page">новина</a></p>'
    assert unresolved is False


def test_unresolved_internal_link_is_kept_and_reported():
    fragments, unresolved = convert_html('<p><a href="/news/2.html">новина</a></p>')
    assert '<a href="/news/2.html">' in rich_text(fragments)
    assert unresolved is True


def test_table_becomes_a_table_block_in_a_stream_body():
    html = "<p>До</p><table><tr><th>Рік</th><th>Сума</th></tr><tr><td>2018</td></tr></table><p>Після</p>"
    blocks = stream_blocks(convert_html(html)[0])
    assert [block["type"] for block in blocks] == ["paragraph", "table", "paragraph"]
    assert blocks[1]["value"]["data"] == [["Рік", "Сума"], ["2018", ""]]
    assert blocks[1]["value"]["first_row_is_table_header"] is True


def test_table_stays_an_html_table_in_rich_text():
    html = '<table><tr><td style="width:5cm">1</td></tr></table>'
    assert rich_text(convert_html(html)[0]) == "<table><tbody><tr><td>1</td></tr></tbody></table>"


def test_image_inside_a_paragraph_becomes_an_image_embed():
    fragments, _ = convert_html(
        '<p>Фото <img src="files/a.png" alt="Сесія"></p>', resolve_image=lambda src, alt: 7
    )
    assert (
        rich_text(fragments) == '<p>Фото <embed alt="Сесія" embedtype="image" format="fullwidth" id="7"/></p>'
    )


def test_standalone_image_becomes_an_image_block():
    blocks = stream_blocks(
        convert_html('<img src="files/a.png" alt="Сесія">', resolve_image=lambda s, a: 7)[0]
    )
    assert blocks == [{"type": "image", "value": {"image": 7, "caption": "Сесія"}}]


def test_image_that_cannot_be_imported_leaves_its_alt_text():
    fragments, _ = convert_html('<p>Фото <img src="gone.png" alt="Сесія"></p>')
    assert rich_text(fragments) == "<p>Фото Сесія</p>"
