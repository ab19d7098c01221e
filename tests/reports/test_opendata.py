import csv
import io
import json

import jsonschema
import pytest

from pages.models import ActPage, ActStatus, ActType, CommissionDocumentType
from registry.models import LegalForm, OrganizationKind, RegistrationStatus
from reports.opendata import columns, committed_schema, item_properties, load_schema

pytestmark = pytest.mark.django_db
DATASETS = ["acts", "commission-documents", "organizations"]


def streamed(response) -> str:
    assert response.status_code == 200 and response.streaming
    return b"".join(response.streaming_content).decode("utf-8-sig")  # the CSV opens with a BOM


def validator(name):
    return jsonschema.Draft202012Validator(load_schema(name), format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize("name", DATASETS)
def test_committed_schemas_are_valid_json_schemas(name):
    jsonschema.Draft202012Validator.check_schema(load_schema(name))


@pytest.mark.parametrize("name", DATASETS)
def test_json_export_validates_against_its_schema(client, published, name):
    document = json.loads(streamed(client.get(f"/opendata/{name}.json")))
    validator(name).validate(document)
    assert document["items"]
    assert document["schema"].endswith(f"/opendata/schemas/{name}.schema.json")


def test_exports_may_be_used_cross_origin_and_cached_briefly(client, db):
    response = client.get("/opendata/acts.csv")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "max-age=900" in response["Cache-Control"] and "public" in response["Cache-Control"]


def test_json_export_lists_live_acts_only(client, published):
    items = json.loads(streamed(client.get("/opendata/acts.json")))["items"]
    assert len(items) == 2 and "Неопублікований" not in {item["title"] for item in items}
    budget = next(item for item in items if item["number"] == "1-49/2018")
    page = ActPage.objects.get(number="1-49/2018")
    assert budget["issuer"] == "Ніжинська міська рада" and budget["convocation"] == 7
    assert budget["url"] == page.full_url == f"http://localhost/dokumenty/{page.slug}/"


def test_commission_documents_name_their_commission(client, published):
    [item] = json.loads(streamed(client.get("/opendata/commission-documents.json")))["items"]
    assert item["commission"] == published["commission"].title and item["number"] == "5"


def test_organizations_export_omits_contact_details_and_lists_fields_of_activity(client, published):
    items = json.loads(streamed(client.get("/opendata/organizations.json")))["items"]
    ngo = next(item for item in items if item["kind"] == "ngo")
    assert ngo["fields_of_activity"] == ["Культура", "Молодь"] and ngo["registration_date"] == "2001-05-04"
    assert "phone" not in ngo and "email" not in ngo and "notes" not in ngo


def typed(name, row: dict) -> dict:
    """A CSV row back to JSON types by the schema, so the same schema validates both formats."""
    properties = load_schema(name)["properties"]["items"]["items"]["properties"]
    result = {}
    for field, value in row.items():
        types = properties[field]["type"]
        types = types if isinstance(types, list) else [types]
        if "array" in types:
            result[field] = [part for part in value.split("; ") if part]
        elif value == "" and "null" in types:
            result[field] = None
        elif "integer" in types:
            result[field] = int(value)
        else:
            result[field] = value
    return result


@pytest.mark.parametrize("name", DATASETS)
def test_csv_export_has_the_schema_columns_and_validates(client, published, name):
    rows = list(csv.DictReader(io.StringIO(streamed(client.get(f"/opendata/{name}.csv")), newline="")))
    assert rows and list(rows[0]) == columns(name)
    validator(name).validate({"dataset": name, "schema": "x", "items": [typed(name, row) for row in rows]})


def test_csv_keeps_newlines_commas_and_quotes_inside_a_field(client, published):
    rows = list(csv.DictReader(io.StringIO(streamed(client.get("/opendata/acts.csv")), newline="")))
    budget = next(row for row in rows if row["number"] == "1-49/2018")
    assert budget["summary"] == 'Рядок 1\nрядок 2; з комою, і "лапками"'


def test_index_links_every_dataset_format_and_schema(client, published):
    html = client.get("/opendata/").content.decode()
    index = client.get("/opendata/index.json").json()
    for name in DATASETS:
        for suffix in (".csv", ".xlsx", ".json", ".schema.json"):
            assert f"{name}{suffix}" in html
        entry = next(d for d in index["datasets"] if d["name"] == name)
        for fmt in ("csv", "xlsx", "json"):
            assert client.get(entry[fmt]).status_code == 200


@pytest.mark.parametrize("name", DATASETS)
def test_schema_is_served_as_the_committed_one_with_the_codes_filled_in(client, name):
    response = client.get(f"/opendata/schemas/{name}.schema.json")
    assert response["Content-Type"] == "application/schema+json"
    served = json.loads(response.content)
    without_codes = {
        column: {key: value for key, value in spec.items() if key != "enum"}
        for column, spec in item_properties(served).items()
    }
    assert without_codes == item_properties(committed_schema(name))
    assert {key: value for key, value in served.items() if key != "properties"} == {
        key: value for key, value in committed_schema(name).items() if key != "properties"
    }


@pytest.mark.parametrize("name", DATASETS)
def test_committed_schemas_spell_no_list_of_codes(name):
    assert '"enum"' not in json.dumps(committed_schema(name))


@pytest.mark.parametrize(
    ("name", "column", "kinds"),
    [
        ("acts", "act_type", ActType),
        ("acts", "status", ActStatus),
        ("commission-documents", "doc_type", CommissionDocumentType),
        ("organizations", "kind", OrganizationKind),
        ("organizations", "legal_form", LegalForm),
        ("organizations", "status", RegistrationStatus),
    ],
)
def test_served_schema_lists_the_codes_of_each_kind_from_its_one_declaration(name, column, kinds):
    assert item_properties(load_schema(name))[column]["enum"] == kinds.values


@pytest.mark.parametrize(
    "url", ["/opendata/acts.xml", "/opendata/secrets.json", "/opendata/schemas/x.schema.json"]
)
def test_unknown_dataset_or_format_is_not_found(client, db, url):
    assert client.get(url).status_code == 404


def test_empty_dataset_is_still_valid_json(client, db):
    document = json.loads(streamed(client.get("/opendata/acts.json")))
    validator("acts").validate(document)
    assert document["items"] == []
