"""Reading back what a widget painted, pixel by pixel."""

import numpy as np
from PySide6.QtGui import QImage


def pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    return (
        np.frombuffer(image.constBits(), np.uint32).reshape(image.height(), image.bytesPerLine() // 4)[:, : image.width()].copy()
    )


def differing_pixels(one: QImage, other: QImage) -> int:
    return int((pixels(one) != pixels(other)).sum())
