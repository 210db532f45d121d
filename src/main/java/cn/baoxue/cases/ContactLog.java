package cn.baoxue.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One contact of a helper with the family of a case (结对帮扶记录). */
@Entity
@Table(name = "contact_log")
public class ContactLog extends CaseRecord {

  @Enumerated(EnumType.STRING)
  @Column(name = "contact_type", nullable = false)
  private ContactType type;

  @Column(name = "contact_date", nullable = false)
  private LocalDate date;

  @Column(name = "notes")
  private String notes;

  /** Yuan, for {@link ContactType#FUNDS} only (资助资金, goods counted at their value). */
  @Column(name = "amount_yuan")
  private BigDecimal amountYuan;

  protected ContactLog() {}

  ContactLog(DropoutCase dropoutCase, String recordedBy, ContactType type, LocalDate date, String notes, BigDecimal amountYuan) {
    super(dropoutCase, recordedBy);
    this.type = type;
    this.date = date;
    this.notes = notes;
    this.amountYuan = amountYuan;
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
}
