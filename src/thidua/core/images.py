"""Photos for initiative registrations: checked by content, cleaned, and made small.

Why every photo is re-encoded from its pixels instead of being stored as sent:

* Privacy. Phones write the place a photo was taken (GPS latitude and longitude) into
  its EXIF data, so a photo of a member's field or pig pen published with an initiative
  would give away where the family lives. XMP packets, maker notes, comments and
  ICC profiles carry more of the same. A fresh JPEG made from the pixels carries none.
* Slow links. A cheap phone makes a 12-megapixel photo of 4-8 MB; a commune office on a
  weak 3G/4G signal cannot open a page of those. Nothing we show needs more than 2048 px
  on the longest side, and lists only need a 320 px thumbnail.
* Safety. The type is decided by the first bytes, never by the file name; only JPEG,
  PNG and WebP reach the decoder, and images whose pixel count could exhaust memory
  (decompression bombs) are refused from their header before any pixel is decoded.

``Image.MAX_IMAGE_PIXELS`` is left at Pillow's process-wide default (other code may open
images too); our own, lower :data:`MAX_PIXELS` is checked on each photo's header, and
Pillow's bomb warning is raised as an error while a photo is opened.
"""

import struct
import warnings
from dataclasses import dataclass
from io import BytesIO

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, ImageCms, ImageOps

MAX_PHOTO_BYTES = 15 * 1024 * 1024
MAX_PIXELS = 40_000_000
# PNG and WebP cannot be decoded at a reduced scale as JPEG can, so every pixel is decoded:
# 40 megapixels of PNG cost seconds of CPU. A screenshot or scan never needs more than this.
MAX_LOSSLESS_PIXELS = 16_000_000
LONGEST_SIDE = 2048
THUMBNAIL_SIDE = 320
QUALITY = 82
THUMBNAIL_QUALITY = 80

# What Pillow may decode, by the format its plugins report.
_FORMATS = ("JPEG", "PNG", "WEBP")
# ISO base media "ftyp" brands of HEIF still images (HEIC is HEIF with HEVC inside).
_HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs"}
_HEIF_BRANDS |= {b"mif1", b"mif2", b"msf1"}
# What a broken or hostile file makes Pillow raise while reading it.
_DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, struct.error)


@dataclass(frozen=True)
class ProcessedPhoto:
    content: bytes  # JPEG, longest side at most LONGEST_SIDE, no metadata
    thumbnail: bytes  # JPEG, longest side at most THUMBNAIL_SIDE, no metadata
    width: int
    height: int
    content_type: str = "image/jpeg"


def process_photo(upload) -> ProcessedPhoto:
    """A clean, upright, small JPEG (and thumbnail) from an uploaded photo, or ValidationError.

    ``upload`` is a Django ``UploadedFile`` or any file-like object with ``size``,
    ``read`` and ``seek``.
    """
    data = _read(upload)
    _check_format(data[:16])
    photo = _fit(_flatten(_upright(_decode(data))), LONGEST_SIDE)
    thumbnail = _fit(photo.copy(), THUMBNAIL_SIDE)
    return ProcessedPhoto(
        content=_jpeg(photo, QUALITY),
        thumbnail=_jpeg(thumbnail, THUMBNAIL_QUALITY),
        width=photo.width,
        height=photo.height,
    )


def _too_big() -> ValidationError:
    return ValidationError(
        _("The photo is larger than %(size)d MB. Please send a smaller photo."),
        code="photo_too_big",
        params={"size": MAX_PHOTO_BYTES // 2**20},
    )


def _read(upload) -> bytes:
    """The upload's bytes; refused by its declared size before reading, and again if it lied."""
    if upload.size is not None and upload.size > MAX_PHOTO_BYTES:
        raise _too_big()
    upload.seek(0)
    data = upload.read(MAX_PHOTO_BYTES + 1)
    upload.seek(0)
    if len(data) > MAX_PHOTO_BYTES:
        raise _too_big()
    return data


def _check_format(head: bytes) -> None:
    if head.startswith((b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")):
        return
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return
    if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        raise ValidationError(
            _(
                "This photo is in HEIC format, which cannot be used here. Please send it as "
                'JPEG: in the phone\'s camera settings choose "Most compatible" (iPhone: '
                "Settings > Camera > Formats) or JPEG, then take the photo again."
            ),
            code="photo_heic",
        )
    raise ValidationError(
        _(
            "This file is not a JPEG, PNG or WebP photo (its content was checked, not its "
            "name). Please send a photo taken with the phone's camera."
        ),
        code="photo_type",
    )


def _decode(data: bytes) -> Image.Image:
    """The decoded image, refusing bombs from the header before the pixels are decoded."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(BytesIO(data), formats=_FORMATS)
            _check_pixels(image.width * image.height, image.format)
            # JPEG can decode straight at 1/2, 1/4 or 1/8 scale: less memory and time.
            image.draft("RGB", _fitted_size(image.size, LONGEST_SIDE))
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise _too_many_pixels() from error
    except _DECODE_ERRORS as error:
        raise ValidationError(
            _("This photo is damaged or incomplete and cannot be opened. Please send it again."),
            code="photo_corrupt",
        ) from error
    return image


def _check_pixels(pixels: int, image_format: str | None = "JPEG") -> None:
    limit = MAX_PIXELS if image_format == "JPEG" else MAX_LOSSLESS_PIXELS
    if pixels > limit:
        raise _too_many_pixels(limit)


def _too_many_pixels(limit: int = MAX_PIXELS) -> ValidationError:
    return ValidationError(
        _(
            "This image has too many pixels (more than %(limit)d megapixels). "
            "Please send an ordinary photo."
        ),
        code="photo_pixels",
        params={"limit": limit // 1_000_000},
    )


def _upright(image: Image.Image) -> Image.Image:
    """The image turned as the phone meant it (EXIF orientation); unchanged if that is broken."""
    try:
        return ImageOps.exif_transpose(image)
    except _DECODE_ERRORS:
        return image


def _flatten(image: Image.Image) -> Image.Image:
    """A brand-new RGB image in sRGB with the same pixels: transparency on white, no metadata."""
    image = _to_srgb(image)
    canvas = Image.new("RGB", image.size, "white")
    if image.has_transparency_data:
        rgba = image.convert("RGBA")
        canvas.paste(rgba, mask=rgba)
    else:
        canvas.paste(image.convert("RGB"))
    return canvas


_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def _to_srgb(image: Image.Image) -> Image.Image:
    """Colours converted from an embedded RGB profile (e.g. iPhone's Display P3) to sRGB,
    so that dropping the profile does not dull them."""
    icc = image.info.get("icc_profile")
    if not icc or image.mode not in ("RGB", "RGBA"):
        return image
    try:
        source = ImageCms.ImageCmsProfile(BytesIO(icc))
        if source.profile.xcolor_space.strip() != "RGB":
            return image
        return ImageCms.profileToProfile(image, source, _SRGB, outputMode=image.mode)
    except (ImageCms.PyCMSError, *_DECODE_ERRORS):
        return image


def _fitted_size(size: tuple[int, int], longest: int) -> tuple[int, int]:
    scale = min(1.0, longest / max(size))
    return max(1, round(size[0] * scale)), max(1, round(size[1] * scale))


def _fit(image: Image.Image, longest: int) -> Image.Image:
    image.thumbnail((longest, longest), Image.Resampling.LANCZOS)
    return image


def _jpeg(image: Image.Image, quality: int) -> bytes:
    out = BytesIO()
    image.save(out, "JPEG", quality=quality, optimize=True, progressive=True)
    return out.getvalue()
