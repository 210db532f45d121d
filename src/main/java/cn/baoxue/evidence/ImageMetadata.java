package cn.baoxue.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.bytesource.ByteSource;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegUtils;
import org.apache.commons.imaging.formats.tiff.TiffField;
import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;

/**
 * A photo keeps nothing of its metadata but the place and time of the visit, and those go into
 * the item's own columns. Camera make and model, serial numbers, the owner's name, the software,
 * thumbnails (which may show what was cropped away), XMP, IPTC, comments, ICC profiles and data
 * after the image all go: the JPEG is rewritten from an allowlist of segments (JFIF, Adobe, and the
 * segments that code the image), a PNG from an allowlist of chunks. The pixels are copied as they
 * are, never re-encoded. Commons Imaging reads the EXIF and walks the JPEG's segments: both are
 * easy to get subtly wrong by hand (byte orders, IFD offsets, stuffed bytes).
 */
final class ImageMetadata {

  /** Place and time of capture as the photo's EXIF gives them; any may be null. */
  record PlaceAndTime(LocalDateTime capturedAt, Double latitude, Double longitude) {
    static final PlaceAndTime NONE = new PlaceAndTime(null, null, null);
  }

  /** The image cannot be read as what its first bytes say. */
  static final class UnreadableImage extends Exception {
    UnreadableImage(Throwable cause) {
      super(cause);
    }
  }

  private static final int APP0 = 0xFFE0;
  private static final int APP14 = 0xFFEE;
  private static final int APP15 = 0xFFEF;
  private static final int COM = 0xFFFE;
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  /** Ancillary PNG chunks that only say how to show the pixels; every other ancillary chunk goes. */
  private static final Set<String> PNG_KEPT_ANCILLARY = Set.of("tRNS", "gAMA", "cHRM", "sRGB", "sBIT", "bKGD", "pHYs");
  private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");

  private ImageMetadata() {}

  static PlaceAndTime placeAndTime(byte[] jpeg) {
    try {
      if (!(Imaging.getMetadata(jpeg) instanceof JpegImageMetadata metadata) || metadata.getExif() == null) {
        return PlaceAndTime.NONE;
      }
      TiffImageMetadata exif = metadata.getExif();
      Double latitude = null;
      Double longitude = null;
      TiffImageMetadata.GpsInfo gps = exif.getGpsInfo();
      if (gps != null) {
        latitude = gps.getLatitudeAsDegreesNorth();
        longitude = gps.getLongitudeAsDegreesEast();
      }
      return new PlaceAndTime(capturedAt(metadata), latitude, longitude);
    } catch (IOException | RuntimeException e) {
      // EXIF that cannot be read gives no place or time; the photo is stripped all the same.
      return PlaceAndTime.NONE;
    }
  }

  /** The camera's clock at capture (DateTimeOriginal), read as the county's time. */
  private static LocalDateTime capturedAt(JpegImageMetadata metadata) throws ImagingException {
    TiffField original = metadata.findExifValueWithExactMatch(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL);
    if (original == null) {
      return null;
    }
    try {
      return LocalDateTime.parse(original.getStringValue().trim(), EXIF_TIME);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static byte[] stripJpeg(byte[] jpeg) throws UnreadableImage {
    ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
    out.write(0xFF);
    out.write(0xD8);
    boolean[] sawScan = {false};
    try {
      new JpegUtils().traverseJfif(ByteSource.array(jpeg), new JpegUtils.Visitor() {
        @Override
        public boolean beginSos() {
          return true;
        }

        @Override
        public boolean visitSegment(int marker, byte[] markerBytes, int length, byte[] lengthBytes, byte[] data) {
          boolean metadata = (marker >= APP0 && marker <= APP15 && marker != APP0 && marker != APP14) || marker == COM;
          if (!metadata) {
            out.writeBytes(markerBytes);
            out.writeBytes(lengthBytes);
            out.writeBytes(data);
          }
          return true;
        }

        @Override
        public void visitSos(int marker, byte[] markerBytes, byte[] imageData) {
          out.writeBytes(markerBytes);
          out.write(imageData, 0, endOfImage(imageData));
          sawScan[0] = true;
        }
      });
    } catch (IOException | RuntimeException e) {
      throw new UnreadableImage(e);
    }
    if (!sawScan[0]) {
      throw new UnreadableImage(new IOException("JPEG without image data"));
    }
    return out.toByteArray();
  }

  /**
   * Up to and including the end-of-image marker: some phones append more after it (further
   * images with their own EXIF). In the coded data 0xFF is always followed by 0x00 or a restart
   * marker, so the first FF D9 is the end.
   */
  private static int endOfImage(byte[] scan) {
    for (int i = 0; i + 1 < scan.length; i++) {
      if ((scan[i] & 0xFF) == 0xFF && (scan[i + 1] & 0xFF) == 0xD9) {
        return i + 2;
      }
    }
    return scan.length;
  }

  static byte[] stripPng(byte[] png) throws UnreadableImage {
    if (png.length < PNG_SIGNATURE.length || !ByteBuffer.wrap(png, 0, PNG_SIGNATURE.length).equals(ByteBuffer.wrap(PNG_SIGNATURE))) {
      throw new UnreadableImage(new IOException("not a PNG"));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(png.length);
    out.writeBytes(PNG_SIGNATURE);
    ByteBuffer in = ByteBuffer.wrap(png);
    in.position(PNG_SIGNATURE.length);
    boolean ended = false;
    while (!ended) {
      if (in.remaining() < 12) {
        throw new UnreadableImage(new IOException("PNG ends inside a chunk"));
      }
      int start = in.position();
      long length = Integer.toUnsignedLong(in.getInt());
      if (length > in.remaining() - 8) {
        throw new UnreadableImage(new IOException("PNG chunk longer than the file"));
      }
      String type = new String(png, start + 4, 4, StandardCharsets.ISO_8859_1);
      int end = start + 12 + (int) length;
      boolean critical = Character.isUpperCase(type.charAt(0));
      if (critical || PNG_KEPT_ANCILLARY.contains(type)) {
        out.write(png, start, end - start);
      }
      in.position(end);
      ended = "IEND".equals(type);
    }
    return out.toByteArray();
  }
}
