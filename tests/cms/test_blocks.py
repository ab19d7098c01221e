"""The body's embed block renders itself as the video page renders its video."""

from cms.blocks import BodyBlock


def test_embed_block_renders_youtube_as_a_nocookie_frame_titled_by_the_page():
    body = BodyBlock().to_python([{"type": "embed", "value": "https://youtu.be/M7lc1UVf-VE"}])
    html = body[0].render(context={"title": "Сесія"})
    assert 'src="https://www.youtube-nocookie.com/embed/M7lc1UVf-VE"' in html
    assert 'title="Сесія"' in html
