package cn.baoxue.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * What a file is, by its bytes alone: Tika's magic-byte detection, never the name or the content
 * type the client declares (a program renamed {@code .jpg} stays a program). Only the types a
 * field worker produces are accepted: photos and scans (JPEG, PNG), PDF, and audio notes as phones
 * record them (WebM, Ogg, MP4/M4A, MP3).
 */
final class EvidenceContent {

  /** A type accepted: the content type it is served with and the kind it is by default. */
  record Accepted(String contentType, EvidenceKind kind) {

    boolean isImage() {
      return contentType.startsWith("image/");
    }
  }

  /** Detected type → as accepted. A recording is often detected as the video type of its container. */
  private static final Map<String, Accepted> ACCEPTED = Map.ofEntries(
      Map.entry("image/jpeg", new Accepted("image/jpeg", EvidenceKind.PHOTO)),
      Map.entry("image/png", new Accepted("image/png", EvidenceKind.PHOTO)),
      Map.entry("application/pdf", new Accepted("application/pdf", EvidenceKind.PDF)),
      Map.entry("audio/webm", new Accepted("audio/webm", EvidenceKind.AUDIO)),
      Map.entry("video/webm", new Accepted("audio/webm", EvidenceKind.AUDIO)),
      Map.entry("video/x-matroska", new Accepted("audio/webm", EvidenceKind.AUDIO)),
      Map.entry("application/x-matroska", new Accepted("audio/webm", EvidenceKind.AUDIO)),
      Map.entry("audio/x-matroska", new Accepted("audio/webm", EvidenceKind.AUDIO)),
      Map.entry("audio/ogg", new Accepted("audio/ogg", EvidenceKind.AUDIO)),
      Map.entry("application/ogg", new Accepted("audio/ogg", EvidenceKind.AUDIO)),
      Map.entry("audio/vorbis", new Accepted("audio/ogg", EvidenceKind.AUDIO)),
      Map.entry("audio/opus", new Accepted("audio/ogg", EvidenceKind.AUDIO)),
      Map.entry("audio/mp4", new Accepted("audio/mp4", EvidenceKind.AUDIO)),
      Map.entry("audio/x-m4a", new Accepted("audio/mp4", EvidenceKind.AUDIO)),
      Map.entry("video/mp4", new Accepted("audio/mp4", EvidenceKind.AUDIO)),
      Map.entry("audio/mpeg", new Accepted("audio/mpeg", EvidenceKind.AUDIO)));

  private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();

  private EvidenceContent() {}

  static Optional<Accepted> sniff(byte[] content) {
    try {
      MediaType type = TYPES.detect(new ByteArrayInputStream(content), new Metadata());
      return Optional.ofNullable(ACCEPTED.get(type.getBaseType().toString()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Whether the kind a client names fits what the content is (a PDF is no photo). */
  static boolean fits(EvidenceKind kind, Accepted accepted) {
    return switch (kind) {
      case PHOTO, SIGNATURE -> accepted.isImage();
      case SCAN -> accepted.isImage() || accepted.kind() == EvidenceKind.PDF;
      case PDF -> accepted.kind() == EvidenceKind.PDF;
      case AUDIO -> accepted.kind() == EvidenceKind.AUDIO;
    };
  }
}
