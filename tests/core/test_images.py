"""Photos from phones: checked by content, stripped of metadata, turned upright, made small."""

import struct
import zipfile
import zlib
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image, ImageCms, PngImagePlugin

from thidua.core import images, uploads
from thidua.core.images import MAX_PHOTO_BYTES, ProcessedPhoto, process_photo

SRGB_ICC = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
METADATA_KEYS = {"exif", "icc_profile", "xmp", "XML:com.adobe.xmp", "comment", "Comment"}


def encode(image: Image.Image, fmt: str, **params) -> bytes:
    out = BytesIO()
    image.save(out, fmt, **params)
    return out.getvalue()


def upload(data: bytes, name: str = "anh.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def refusal(photo) -> ValidationError:
    with translation.override("en"), pytest.raises(ValidationError) as caught:
        process_photo(photo)
    return caught.value


def message(error: ValidationError) -> str:
    return " ".join(error.messages)


def assert_clean_jpeg(data: bytes) -> Image.Image:
    image = Image.open(BytesIO(data))
    assert image.format == "JPEG"
    assert image.mode == "RGB"
    assert not image.getexif()
    assert not METADATA_KEYS & set(image.info)
    return image


def phone_photo_with_gps() -> bytes:
    """4000×3000 as the sensor saw it, left half red, right half blue; EXIF says "rotate 90°"."""
    image = Image.new("RGB", (4000, 3000), "blue")
    image.paste("red", (0, 0, 2000, 3000))
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: the camera was held upright, rotate 90° clockwise to view
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (13.0, 5.0, 30.0), 3: "E", 4: (109.0, 18.0, 0.0)})
    return encode(
        image,
        "JPEG",
        exif=exif,
        xmp=b'<x:xmpmeta xmlns:x="adobe:ns:meta/">farm</x:xmpmeta>',
        comment=b"Farm of Mr Y Bih, Ea Ba",
        icc_profile=SRGB_ICC,
    )


def close(pixel, expected, tolerance=40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, expected, strict=True))


def test_phone_photo_loses_gps_and_all_metadata_and_is_turned_upright_and_shrunk():
    data = phone_photo_with_gps()
    original = Image.open(BytesIO(data))
    assert original.getexif().get_ifd(0x8825)[2] == (13.0, 5.0, 30.0)  # the fixture is real

    photo = process_photo(upload(data))

    assert isinstance(photo, ProcessedPhoto)
    assert photo.content_type == "image/jpeg"
    assert (photo.width, photo.height) == (1536, 2048)  # portrait now, longest side 2048
    result = assert_clean_jpeg(photo.content)
    assert result.size == (1536, 2048)
    assert result.info.get("progressive")
    # Rotated 90° clockwise: the sensor's left (red) half is now on top.
    assert close(result.getpixel((768, 200)), (255, 0, 0))
    assert close(result.getpixel((768, 1850)), (0, 0, 255))
    assert b"Ea Ba" not in photo.content

    thumbnail = assert_clean_jpeg(photo.thumbnail)
    assert thumbnail.size == (240, 320)
    assert len(photo.thumbnail) < len(photo.content)


def test_small_photo_is_not_enlarged():
    photo = process_photo(upload(encode(Image.new("RGB", (640, 480), "green"), "JPEG")))
    assert (photo.width, photo.height) == (640, 480)
    assert Image.open(BytesIO(photo.thumbnail)).size == (320, 240)


def test_large_jpeg_is_decoded_at_reduced_scale_and_still_reaches_2048():
    image = Image.effect_noise((6000, 4000), 40).convert("RGB")
    photo = process_photo(upload(encode(image, "JPEG", quality=70)))
    assert (photo.width, photo.height) == (2048, 1365)


def test_png_transparency_is_flattened_onto_white_and_its_text_chunks_dropped():
    image = Image.new("RGBA", (100, 50), (0, 0, 0, 0))
    image.paste((200, 0, 0, 255), (0, 0, 50, 50))
    text = PngImagePlugin.PngInfo()
    text.add_text("Comment", "GPS 13.09N 109.30E")
    data = encode(image, "PNG", pnginfo=text)

    photo = process_photo(upload(data, "anh.png"))

    result = assert_clean_jpeg(photo.content)
    assert close(result.getpixel((75, 25)), (255, 255, 255), tolerance=3)
    assert close(result.getpixel((25, 25)), (200, 0, 0))
    assert b"GPS" not in photo.content


def test_palette_png_with_transparency_is_flattened():
    image = Image.new("P", (20, 20), 0)
    image.putpalette([0, 0, 0, 0, 0, 255])
    image.paste(1, (0, 0, 10, 20))
    data = encode(image, "PNG", transparency=0)
    result = assert_clean_jpeg(process_photo(upload(data, "anh.png")).content)
    assert close(result.getpixel((17, 10)), (255, 255, 255), tolerance=8)
    assert close(result.getpixel((3, 10)), (0, 0, 255))


def test_webp_is_accepted():
    data = encode(Image.new("RGB", (300, 200), "orange"), "WEBP")
    photo = process_photo(upload(data, "anh.webp"))
    assert (photo.width, photo.height) == (300, 200)
    assert_clean_jpeg(photo.content)


def test_grey_16_bit_png_is_accepted():
    data = encode(Image.new("I;16", (64, 48), 30000), "PNG")
    photo = process_photo(upload(data, "anh.png"))
    assert (photo.width, photo.height) == (64, 48)


def test_windows_program_named_jpg_is_refused():
    data = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 1000
    error = refusal(upload(data, "anh.jpg"))
    assert error.code == "photo_type"
    assert "not a JPEG, PNG or WebP photo" in message(error)


def test_empty_file_is_refused():
    assert refusal(upload(b"", "anh.jpg")).code == "photo_type"


@pytest.mark.parametrize(
    ("fmt", "name"), [("GIF", "anh.gif"), ("BMP", "anh.bmp"), ("TIFF", "a.tif")]
)
def test_other_image_formats_are_refused(fmt, name):
    data = encode(Image.new("RGB", (30, 20), "red"), fmt)
    assert refusal(upload(data, name)).code == "photo_type"
    assert refusal(upload(data, "renamed.jpg")).code == "photo_type"


def test_heic_gets_advice_on_camera_settings():
    data = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 200
    error = refusal(upload(data, "IMG_0001.jpg"))
    assert error.code == "photo_heic"
    assert "HEIC" in message(error)
    assert '"Most compatible"' in message(error)


def test_truncated_jpeg_is_refused_as_damaged():
    data = encode(Image.effect_noise((400, 300), 60).convert("RGB"), "JPEG")
    error = refusal(upload(data[: len(data) // 2]))
    assert error.code == "photo_corrupt"
    assert "damaged or incomplete" in message(error)


def test_jpeg_header_followed_by_garbage_is_refused_as_damaged():
    assert refusal(upload(b"\xff\xd8\xff\xe0" + b"\x13" * 500)).code == "photo_corrupt"


def test_upload_over_the_limit_is_refused_before_it_is_decoded(monkeypatch):
    def no_decoding(*args, **kwargs):
        raise AssertionError("a too-big upload must not be decoded")

    monkeypatch.setattr(images.Image, "open", no_decoding)
    data = b"\xff\xd8\xff\xe0" + b"\x00" * (16 * 1024 * 1024)
    error = refusal(upload(data))
    assert error.code == "photo_too_big"
    assert "larger than 15 MB" in message(error)


class Unreadable:
    """A file-like object that declares its size and must never be read."""

    size = 16 * 1024 * 1024

    def read(self, *args):
        raise AssertionError("a too-big upload must not be read")

    def seek(self, *args):
        raise AssertionError("a too-big upload must not be read")


def test_declared_size_alone_is_enough_to_refuse():
    assert refusal(Unreadable()).code == "photo_too_big"


def test_upload_that_understates_its_size_is_still_refused():
    lying = BytesIO(b"\xff\xd8\xff\xe0" + b"\x00" * MAX_PHOTO_BYTES)
    lying.size = 1000
    assert refusal(lying).code == "photo_too_big"


def test_decompression_bomb_is_refused():
    data = encode(Image.new("1", (9000, 9000)), "PNG")  # 81 megapixels in a few kilobytes
    assert len(data) < 100_000
    error = refusal(upload(data, "anh.png"))
    assert error.code == "photo_pixels"
    assert "more than 16 megapixels" in message(error)  # a PNG: the lossless limit


def png_header_only(width: int, height: int) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b"")


@pytest.mark.parametrize("side", [10_000, 100_000])  # past Pillow's own warning, past its error
def test_bomb_is_refused_from_its_header_alone(side):
    assert refusal(upload(png_header_only(side, side), "anh.png")).code == "photo_pixels"


def test_large_png_is_refused_from_its_header_before_decoding():
    """A PNG cannot be decoded at a reduced scale: 20 megapixels of it cost seconds."""
    with translation.override("en"):
        message = refusal(upload(png_header_only(5000, 4000), "anh.png")).messages[0]
    assert "more than 16 megapixels" in message


def test_jpeg_of_the_same_size_is_still_accepted_from_its_header():
    images._check_pixels(5000 * 4000, "JPEG")  # decoded at 1/4 scale: cheap


def test_office_file_that_inflates_beyond_the_limit_is_refused():
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/media/bomb.bin", b"\0" * (uploads.MAX_INFLATED_BYTES + 1))
    data = buffer.getvalue()
    assert len(data) < 1024 * 1024  # small on the wire
    with pytest.raises(ValidationError):
        uploads.check_document(SimpleUploadedFile("bao-cao.docx", data))
