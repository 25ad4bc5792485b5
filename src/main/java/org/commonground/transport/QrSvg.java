package org.commonground.transport;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/** A QR code as a small SVG: one path of unit squares, crisp at any size, with the text as its title. */
final class QrSvg {
  private QrSvg() {}

  static String of(String text) {
    try {
      BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
          Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
      StringBuilder b = new StringBuilder();
      b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(m.getWidth()).append(' ')
          .append(m.getHeight()).append("\" shape-rendering=\"crispEdges\" role=\"img\"><title>QR code: ")
          .append(text.replace("&", "&amp;").replace("<", "&lt;")).append("</title>")
          .append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"");
      for (int y = 0; y < m.getHeight(); y++) {
        for (int x = 0; x < m.getWidth(); x++) if (m.get(x, y)) b.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
      }
      return b.append("\"/></svg>").toString();
    } catch (WriterException e) {
      throw new IllegalStateException(e);
    }
  }
}
