package cn.baoxue.evidence;

import java.time.Instant;

/**
 * An item of evidence as a client sends it.
 *
 * @param step a task id of the case (open or completed) or {@code case}
 * @param originalSha256 the client's SHA-256 of the original (before it downscaled a photo), 64 hex digits
 * @param capturedAt when the photo or recording was taken; read from the photo's EXIF if not given
 * @param clientId the client's own id for the item: sent twice by the same user, stored once
 * @param kind PHOTO, SCAN, PDF, AUDIO or SIGNATURE; by default what the content is
 */
public record AddEvidence(
    String caseNumber,
    String step,
    String fileName,
    String contentType,
    byte[] content,
    String originalSha256,
    Instant capturedAt,
    Double latitude,
    Double longitude,
    String clientId,
    String kind) {

  /** Without a kind: the content decides (a photo, a PDF, an audio note). */
  public AddEvidence(String caseNumber, String step, String fileName, String contentType, byte[] content,
      String originalSha256, Instant capturedAt, Double latitude, Double longitude, String clientId) {
    this(caseNumber, step, fileName, contentType, content, originalSha256, capturedAt, latitude, longitude, clientId, null);
  }
}
