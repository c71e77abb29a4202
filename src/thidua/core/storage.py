"""The uploads' store, read and written through Django's storage API only.

Uploads live in the ``default`` storage (``settings.STORAGES``): the local file system under
``MEDIA_ROOT`` by default, or an S3-compatible object store (django-storages) when
``THIDUA_S3_BUCKET`` is set, so that several app servers and workers share one store
(README, "More than one server"). Nothing outside this module and Django's file fields may
assume a path on disk: ``core/uploads.py`` writes through ``FieldFile.save``,
``core/downloads.py`` reads through ``FieldFile.open``, and the backup lists, reads, writes
and deletes through the functions here.
"""

import hashlib
from collections.abc import Iterator
from typing import IO

from django.core.files import File
from django.core.files.storage import FileSystemStorage, Storage, storages

CHUNK = 1 << 20


def uploads() -> Storage:
    """The storage that holds the uploads (``STORAGES["default"]``)."""
    return storages["default"]


def describe(storage: Storage | None = None) -> str:
    """Where the uploads are, for a message: a folder, or ``s3://bucket/prefix``."""
    storage = storage or uploads()
    if isinstance(storage, FileSystemStorage):
        return str(storage.location)
    bucket = getattr(storage, "bucket_name", None)
    if bucket:
        prefix = getattr(storage, "location", "").strip("/")
        return f"s3://{bucket}/{prefix}".rstrip("/")
    return type(storage).__name__


def names(storage: Storage | None = None, folder: str = "") -> Iterator[str]:
    """Every file's name in the storage (below ``folder``), with "/" between folders, sorted
    folder by folder. A file system storage whose folder does not exist yet holds none."""
    storage = storage or uploads()
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    prefix = f"{folder}/" if folder else ""
    for name in sorted(files):
        if name:  # an object store may list the folder's own marker as ""
            yield prefix + name
    for sub in sorted(folders):
        yield from names(storage, prefix + sub)


def sha256(name: str, storage: Storage | None = None) -> str:
    storage = storage or uploads()
    digest = hashlib.sha256()
    with storage.open(name, "rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def describe_file(name: str, storage: Storage | None = None) -> dict:
    """{"path", "size", "sha256"} of one stored file (the backup's manifest line)."""
    storage = storage or uploads()
    return {"path": name, "size": storage.size(name), "sha256": sha256(name, storage)}


def put(name: str, stream: IO[bytes], storage: Storage | None = None) -> None:
    """Store ``stream`` under exactly ``name`` (a restore: the rows name their files). An
    existing file of that name is replaced."""
    storage = storage or uploads()
    if storage.exists(name):
        storage.delete(name)
    stored = storage.save(name, File(stream, name=name))
    if stored != name:  # the store renamed it: the row would point at nothing
        storage.delete(stored)
        raise FileExistsError(name)


def is_empty(storage: Storage | None = None) -> bool:
    return next(names(storage), None) is None


def delete_all(storage: Storage | None = None) -> int:
    """Delete every file of the storage; how many."""
    storage = storage or uploads()
    found = list(names(storage))
    for name in found:
        storage.delete(name)
    return len(found)
