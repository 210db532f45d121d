package cn.baoxue.evidence;

import cn.baoxue.testing.QuickTier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** What a file is by its bytes, and what is left of an image's metadata: plain unit tests, no application. */
@QuickTier
class EvidenceContentTests {

  @Test
  void eachAcceptedTypeIsKnownByItsFirstBytesWhateverItsName() throws Exception {
    assertThat(EvidenceContent.sniff(png(textChunk("Author", "x")))).hasValue(new EvidenceContent.Accepted("image/png", EvidenceKind.PHOTO));
    assertThat(EvidenceContent.sniff(ascii("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n"))).hasValueSatisfying(a -> assertThat(a.kind()).isEqualTo(EvidenceKind.PDF));
    assertThat(EvidenceContent.sniff(webm())).hasValueSatisfying(a -> assertThat(a.contentType()).isEqualTo("audio/webm"));
    assertThat(EvidenceContent.sniff(ogg())).hasValueSatisfying(a -> assertThat(a.contentType()).isEqualTo("audio/ogg"));
    assertThat(EvidenceContent.sniff(m4a())).hasValueSatisfying(a -> assertThat(a.contentType()).isEqualTo("audio/mp4"));
    assertThat(EvidenceContent.sniff(mp3())).hasValueSatisfying(a -> assertThat(a.contentType()).isEqualTo("audio/mpeg"));

    assertThat(EvidenceContent.sniff(ascii("MZ\u0090\u0000This program cannot be run in DOS mode"))).isEmpty();
    assertThat(EvidenceContent.sniff(ascii("<html><script>alert(1)</script></html>"))).isEmpty();
    assertThat(EvidenceContent.sniff(ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"><script/></svg>"))).isEmpty();
    assertThat(EvidenceContent.sniff(ascii("PK\u0003\u0004 a zip"))).isEmpty();
  }

  @Test
  void aPngKeepsItsPixelsAndLosesItsTextAndTime() throws Exception {
    byte[] png = png(textChunk("Author", "Owner Name 13800000000"));
    byte[] stripped = ImageMetadata.stripPng(png);

    assertThat(new String(stripped, StandardCharsets.ISO_8859_1)).doesNotContain("tEXt", "Owner Name", "13800000000").contains("IHDR", "IDAT", "IEND");
    BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(stripped));
    assertThat(image.getWidth()).isEqualTo(8);
    assertThat(image.getRGB(3, 3)).isEqualTo(0xFF336699);
    assertThatThrownBy(() -> ImageMetadata.stripPng(java.util.Arrays.copyOf(png, 30))).isInstanceOf(ImageMetadata.UnreadableImage.class);
  }

  @Test
  void aJpegThatEndsBeforeItsImageIsUnreadable() {
    assertThatThrownBy(() -> ImageMetadata.stripJpeg(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F'}))
        .isInstanceOf(ImageMetadata.UnreadableImage.class);
  }

  /** An 8×8 PNG with the given chunk inserted after IHDR. */
  private static byte[] png(byte[] extraChunk) throws Exception {
    BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 8; x++) {
      for (int y = 0; y < 8; y++) {
        image.setRGB(x, y, 0x336699);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    byte[] plain = out.toByteArray();
    int afterHeader = 8 + 4 + 4 + 13 + 4;
    ByteArrayOutputStream with = new ByteArrayOutputStream();
    with.write(plain, 0, afterHeader);
    with.write(extraChunk);
    with.write(plain, afterHeader, plain.length - afterHeader);
    return with.toByteArray();
  }

  private static byte[] textChunk(String key, String value) {
    byte[] data = (key + "\0" + value).getBytes(StandardCharsets.ISO_8859_1);
    ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
    chunk.putInt(data.length).put("tEXt".getBytes(StandardCharsets.ISO_8859_1)).put(data);
    CRC32 crc = new CRC32();
    crc.update(chunk.array(), 4, 4 + data.length);
    chunk.putInt((int) crc.getValue());
    return chunk.array();
  }

  private static byte[] webm() {
    // EBML header with DocType "webm", as a phone's MediaRecorder writes it.
    return concat(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x9F, 0x42, (byte) 0x86, (byte) 0x81, 0x01,
        0x42, (byte) 0xF7, (byte) 0x81, 0x01, 0x42, (byte) 0xF2, (byte) 0x81, 0x04, 0x42, (byte) 0xF3, (byte) 0x81, 0x08,
        0x42, (byte) 0x82, (byte) 0x84}, ascii("webm"), new byte[] {0x42, (byte) 0x87, (byte) 0x81, 0x04, 0x42, (byte) 0x85,
        (byte) 0x81, 0x02}, new byte[64]);
  }

  private static byte[] ogg() {
    byte[] page = new byte[28];
    System.arraycopy(ascii("OggS"), 0, page, 0, 4);
    page[5] = 0x02;
    page[26] = 1;
    page[27] = 19;
    return concat(page, ascii("OpusHead"), new byte[] {1, 1, 0x38, 1, (byte) 0x80, (byte) 0xBB, 0, 0, 0, 0, 0}, new byte[64]);
  }

  private static byte[] m4a() {
    return concat(new byte[] {0, 0, 0, 0x20}, ascii("ftypM4A "), new byte[] {0, 0, 0, 0}, ascii("M4A mp42isom"), new byte[8],
        new byte[64]);
  }

  private static byte[] mp3() {
    return concat(ascii("ID3"), new byte[] {3, 0, 0, 0, 0, 0, 0}, new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64},
        new byte[400]);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
