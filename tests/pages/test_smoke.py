from tests.factories import ActIndexPageFactory, ActPageFactory


def test_act_page_renders_under_its_index(client, home_page):
    index = ActIndexPageFactory(parent=home_page)
    act = ActPageFactory(parent=index, title="Про бюджет громади")
    response = client.get(act.url)
    assert response.status_code == 200
    assert "Про бюджет громади" in response.content.decode()
