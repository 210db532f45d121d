package cn.baoxue.care;

import cn.baoxue.cases.ContactRules.ContactEntry;
import cn.baoxue.cases.ContactType;
import cn.baoxue.kernel.time.BeijingTime;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** One contact of a helper with the person or family of a pairing (结对关爱记录), of the contact log's types. */
@Entity
@Table(name = "care_contact")
public class CareContact {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "pairing_id", nullable = false, updatable = false)
  private Long pairingId;

  @Enumerated(EnumType.STRING)
  @Column(name = "contact_type", nullable = false, updatable = false)
  private ContactType type;

  @Column(name = "contact_date", nullable = false, updatable = false)
  private LocalDate date;

  @Column(updatable = false)
  private String notes;

  /** Yuan, for {@link ContactType#FUNDS} only. */
  @Column(name = "amount_yuan", updatable = false)
  private BigDecimal amountYuan;

  @Column(name = "recorded_by", nullable = false, updatable = false)
  private String recordedBy;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  private LocalDateTime recordedAt;

  protected CareContact() {}

  CareContact(CarePairing pairing, ContactEntry entry, String recordedBy) {
    this.pairingId = pairing.getId();
    this.type = entry.type();
    this.date = entry.date();
    this.notes = entry.notes();
    this.amountYuan = entry.amountYuan();
    this.recordedBy = recordedBy;
    this.recordedAt = BeijingTime.now();
  }

  public Long getId() {
    return id;
  }

  public Long getPairingId() {
    return pairingId;
  }

  public ContactType getType() {
    return type;
  }

  public LocalDate getDate() {
    return date;
  }

  public String getNotes() {
    return notes;
  }

  public BigDecimal getAmountYuan() {
    return amountYuan;
  }

  public String getRecordedBy() {
    return recordedBy;
  }

  public LocalDateTime getRecordedAt() {
    return recordedAt;
  }
}
