"""With no file named, each kind of storage has its own default file (issue 15, item 1)."""

from app.paths import storage_file
from models.server_config import ServerConfig


def test_a_text_file_with_no_file_named_is_donnees_txt_beside_the_default_database(private_data_dir):
    assert storage_file(ServerConfig(text_file=True)) == private_data_dir / "donnees.txt"
    assert storage_file(ServerConfig()) == private_data_dir / "mesures.db"
