import os
from typing import IO, Any, Dict, Iterable, Iterator, List, Optional, Union

from ._extract import extract as extract

__version__: str
DEFAULT_MAX_INPUT_BYTES: int
Record = Dict[str, Any]

def clean(
    data: Union[bytes, str],
    url: Optional[str] = None,
    *,
    id: Any = None,
    charset: Optional[str] = None,
    markdown: bool = False,
    input_kind: Optional[str] = None,
    encoding: Optional[str] = None,
    favor: str = "balanced",
    comments: bool = False,
    headline: bool = False,
    explain: bool = False,
    max_input_bytes: Optional[int] = ...,
) -> Record: ...
def clean_many(
    items: Iterable[Union[bytes, str, Dict[str, Any]]],
    *,
    threads: Optional[int] = None,
    templates: bool = False,
    input_kind: Optional[str] = None,
    encoding: Optional[str] = None,
    favor: str = "balanced",
    comments: bool = False,
    headline: bool = False,
    explain: bool = False,
    max_input_bytes: Optional[int] = ...,
) -> List[Record]: ...
def iter_warc(
    source: Union[str, "os.PathLike[str]", IO[bytes]],
    *,
    threads: Optional[int] = None,
    chunk: int = 256,
    input_kind: Optional[str] = None,
    encoding: Optional[str] = None,
    favor: str = "balanced",
    comments: bool = False,
    headline: bool = False,
    explain: bool = False,
    max_input_bytes: Optional[int] = ...,
) -> Iterator[Record]: ...
