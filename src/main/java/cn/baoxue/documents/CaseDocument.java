package cn.baoxue.documents;

import cn.baoxue.kernel.time.BeijingTime;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A document as issued on a case, kept byte for byte with its SHA-256. */
@Entity
@Table(name = "case_document")
public class CaseDocument {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_id", nullable = false)
  private Long caseId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private DocumentKind kind;

  @Column(nullable = false)
  private String title;

  @Column(name = "file_name", nullable = false)
  private String fileName;

  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false)
  private byte[] content;

  @Column(nullable = false)
  private String sha256;

  @Column(name = "task_id")
  private String taskId;

  @Column(name = "recorded_by")
  private String recordedBy;

  @Column(name = "recorded_at", nullable = false)
  private LocalDateTime recordedAt;

  protected CaseDocument() {}

  CaseDocument(Long caseId, DocumentKind kind, String fileName, byte[] content, String sha256, String taskId, String recordedBy) {
    this.caseId = caseId;
    this.kind = kind;
    this.title = kind.title();
    this.fileName = fileName;
    this.content = content;
    this.sha256 = sha256;
    this.taskId = taskId;
    this.recordedBy = recordedBy;
    this.recordedAt = BeijingTime.now();
  }

  public Long getId() {
    return id;
  }

  public Long getCaseId() {
    return caseId;
  }

  public DocumentKind getKind() {
    return kind;
  }

  public String getTitle() {
    return title;
  }

  public String getFileName() {
    return fileName;
  }

  public byte[] getContent() {
    return content;
  }

  public String getSha256() {
    return sha256;
  }

  public String getRecordedBy() {
    return recordedBy;
  }

  public LocalDateTime getRecordedAt() {
    return recordedAt;
  }
}
