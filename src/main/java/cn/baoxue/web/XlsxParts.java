package cn.baoxue.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;

/**
 * An uploaded .xlsx opened as the zip it is, through its central directory as Excel and the reader
 * use it: writers such as fastexcel leave the sizes in the local headers empty, which a streaming
 * ZipInputStream refuses. The temporary file is gone when this is closed.
 */
final class XlsxParts implements AutoCloseable {

  private final Path file;
  private final ZipFile zip;

  private XlsxParts(Path file, ZipFile zip) {
    this.file = file;
    this.zip = zip;
  }

  static XlsxParts open(byte[] content) throws IOException {
    Path file = Files.createTempFile("upload-", ".xlsx");
    try {
      Files.write(file, content);
      return new XlsxParts(file, new ZipFile(file.toFile()));
    } catch (IOException | RuntimeException e) {
      deleteQuietly(file);
      throw e;
    }
  }

  ZipFile zip() {
    return zip;
  }

  @Override
  public void close() {
    try {
      zip.close();
    } catch (IOException e) {
      // Nothing was written through it; the file goes below either way.
    }
    deleteQuietly(file);
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      file.toFile().deleteOnExit();
    }
  }
}
