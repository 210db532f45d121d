package cn.baoxue.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * One item of evidence (佐证材料) on a step of a case or on the case. The bytes are not mapped here:
 * an {@link EvidenceStore} keeps them, so a list of items never loads them.
 */
@Entity
@Table(name = "evidence_item")
public class EvidenceItem {

  /** The step of an item attached to the case as a whole, not to one task. */
  public static final String WHOLE_CASE = "case";
  /** The step of evidence a county department adds to its referral (联控联保): {@code referral-<referral id>}. */
  public static final String REFERRAL_STEP = "referral-";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_id", nullable = false, updatable = false)
  private Long caseId;

  /** A task id of the case, or {@link #WHOLE_CASE}. */
  @Column(nullable = false, updatable = false)
  private String step;

  /** The task definition key of the step ({@code homeVisit}); null for the whole case. */
  @Column(name = "task_key", updatable = false)
  private String taskKey;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private EvidenceKind kind;

  @Column(name = "content_type", nullable = false, updatable = false)
  private String contentType;

  @Column(name = "file_name", nullable = false, updatable = false)
  private String fileName;

  @Column(name = "size_bytes", nullable = false, updatable = false)
  private long size;

  /** Of the bytes as stored (after metadata was stripped): what the audit chain holds. */
  @Column(nullable = false, updatable = false)
  private String sha256;

  /** The client's hash of its original (before downscaling on the phone), as given. */
  @Column(name = "original_sha256", updatable = false)
  private String originalSha256;

  /** Beijing time. */
  @Column(name = "captured_at", updatable = false)
  private LocalDateTime capturedAt;

  @Column(updatable = false)
  private Double latitude;

  @Column(updatable = false)
  private Double longitude;

  @Column(name = "uploaded_by", nullable = false, updatable = false)
  private String uploadedBy;

  @Column(name = "uploaded_at", nullable = false, updatable = false)
  private LocalDateTime uploadedAt;

  @Column(name = "client_id", updatable = false)
  private String clientId;

  @Column(name = "storage_kind", nullable = false)
  private String storageKind;

  @Column(name = "storage_key")
  private String storageKey;

  protected EvidenceItem() {}

  EvidenceItem(Long caseId, String step, String taskKey, EvidenceKind kind, String contentType, String fileName, long size,
      String sha256, String originalSha256, LocalDateTime capturedAt, Double latitude, Double longitude, String uploadedBy,
      LocalDateTime uploadedAt, String clientId, String storageKind) {
    this.caseId = caseId;
    this.step = step;
    this.taskKey = taskKey;
    this.kind = kind;
    this.contentType = contentType;
    this.fileName = fileName;
    this.size = size;
    this.sha256 = sha256;
    this.originalSha256 = originalSha256;
    this.capturedAt = capturedAt;
    this.latitude = latitude;
    this.longitude = longitude;
    this.uploadedBy = uploadedBy;
    this.uploadedAt = uploadedAt;
    this.clientId = clientId;
    this.storageKind = storageKind;
  }

  /** Where a store put the bytes (an object key); the database store needs none. */
  void storedAt(String key) {
    this.storageKey = key;
  }

  public Long getId() {
    return id;
  }

  public Long getCaseId() {
    return caseId;
  }

  public String getStep() {
    return step;
  }

  public String getTaskKey() {
    return taskKey;
  }

  public EvidenceKind getKind() {
    return kind;
  }

  public String getContentType() {
    return contentType;
  }

  public String getFileName() {
    return fileName;
  }

  public long getSize() {
    return size;
  }

  public String getSha256() {
    return sha256;
  }

  public String getOriginalSha256() {
    return originalSha256;
  }

  public LocalDateTime getCapturedAt() {
    return capturedAt;
  }

  public Double getLatitude() {
    return latitude;
  }

  public Double getLongitude() {
    return longitude;
  }

  public String getUploadedBy() {
    return uploadedBy;
  }

  public LocalDateTime getUploadedAt() {
    return uploadedAt;
  }

  public String getClientId() {
    return clientId;
  }

  public String getStorageKind() {
    return storageKind;
  }

  public String getStorageKey() {
    return storageKey;
  }
}
