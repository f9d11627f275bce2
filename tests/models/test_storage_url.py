"""Where readings live: a file or a PostgreSQL URL, and a URL's password masked wherever it is shown,
kept apart for the secret store, and put back."""

from pathlib import Path

import pytest

from models.storage import StorageError, open_alarm_book
from models.storage.url import hide, is_database_url, location_of, masked, restore_password, split_password, with_password

URLS = {
    "postgresql://ann:s3cr%40t@db.lab:5433/thermo": "postgresql://ann:****@db.lab:5433/thermo",
    "postgres://ann@db.lab/thermo?password=s3cr%40t&sslmode=require": "postgres://ann@db.lab/thermo?password=****&sslmode=require",
    "postgresql:///thermo?host=/run/pg&password=s3cr%40t": "postgresql:///thermo?host=/run/pg&password=****",
    "postgresql:///?service=lab": "postgresql:///?service=lab",
}


@pytest.mark.parametrize("url", URLS)
def test_a_password_is_masked_split_out_and_put_back(url):
    assert masked(url) == URLS[url]
    bare, password = split_password(url)
    assert "s3cr" not in bare and password in ("s3cr%40t", "")
    assert split_password(with_password(bare, password)) == (bare, password)
    assert restore_password(masked(url), url) == url
    assert hide(f"libpq said: {url}", url) == f"libpq said: {URLS[url]}"


def test_a_file_stays_a_file_and_is_shown_as_it_is():
    assert location_of("mesures.db") == Path("mesures.db")
    assert location_of("postgresql://ann@db/thermo") == "postgresql://ann@db/thermo"
    assert not is_database_url(Path("postgresql:/x")) and is_database_url("POSTGRESQL://db/x")
    assert masked(Path("/data/pass:word@x.db")) == "/data/pass:word@x.db"


def test_alarms_of_a_database_out_of_reach_are_one_sentence_without_its_password():
    with pytest.raises(StorageError) as refused:
        open_alarm_book("postgresql://ann:s3cret@db.lab/thermo")
    assert str(refused.value) == (
        "cannot reach the PostgreSQL server of postgresql://ann:****@db.lab/thermo: check that it runs and that its host"
        " and port are right"
    )
