package cn.baoxue.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

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
    long inflated = 0;
    int parts = 0;
    byte[] buffer = new byte[64 * 1024];
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if (++parts > MAX_PARTS) {
          throw refused();
        }
        for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
          inflated += n;
          if (inflated > MAX_INFLATED_BYTES || inflated > MAX_RATIO * Math.max(content.length, 64 * 1024)) {
            throw refused();
          }
        }
      }
    } catch (IOException e) {
      throw new UnreadableRosterException("无法读取该 Excel 文件：文件已损坏或不是 .xlsx 表格", e);
    }
  }

  private static UnreadableRosterException refused() {
    return new UnreadableRosterException("该 Excel 文件解压后异常巨大（疑似压缩炸弹），已拒绝读取；请另存为新的 .xlsx 或 .csv 后重新上传");
  }
}
