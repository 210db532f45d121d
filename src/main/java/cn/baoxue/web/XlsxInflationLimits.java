package cn.baoxue.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * An .xlsx is a zip of XML parts. A "zip bomb" packs gigabytes of XML into a few kilobytes, and
 * the Excel reader would inflate all of it into memory and time. Before the reader sees a file,
 * its parts are inflated once into nothing, counting the bytes actually produced (the sizes a zip
 * declares can lie), and a file that grows beyond what any real roster needs is refused.
 */
final class XlsxInflationLimits {

  /** 100,000 rows of twelve columns inflate to well under this. */
  static final long MAX_INFLATED_BYTES = 256L * 1024 * 1024;
  /** Spreadsheet XML compresses about 10:1; nothing real comes near this. */
  static final long MAX_RATIO = 200;
  /** A workbook has a few dozen parts. */
  static final int MAX_PARTS = 1000;

  private XlsxInflationLimits() {}

  static void check(byte[] content) {
    try (XlsxParts parts = XlsxParts.open(content)) {
      ZipFile zip = parts.zip();
      if (zip.size() > MAX_PARTS) {
        throw refused();
      }
      long inflated = 0;
      long allowed = Math.min(MAX_INFLATED_BYTES, MAX_RATIO * Math.max(content.length, 64 * 1024));
      byte[] buffer = new byte[64 * 1024];
      for (ZipEntry entry : Collections.list(zip.entries())) {
        try (InputStream part = zip.getInputStream(entry)) {
          for (int n = part.read(buffer); n > 0; n = part.read(buffer)) {
            inflated += n;
            if (inflated > allowed) {
              throw refused();
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UnreadableUploadException("无法读取该 Excel 文件：文件已损坏或不是 .xlsx 表格", e);
    }
  }

  private static UnreadableUploadException refused() {
    return new UnreadableUploadException("该 Excel 文件解压后异常巨大（疑似压缩炸弹），已拒绝读取；请另存为新的 .xlsx 或 .csv 后重新上传");
  }
}
