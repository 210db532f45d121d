package cn.baoxue.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** The township's written order to the guardians to return the child by a deadline (责令限期复学通知书). */
@Entity
@Table(name = "return_order")
public class ReturnOrder extends CaseRecord {

  @Column(name = "township_code")
  private String townshipCode;

  @Column(name = "deadline")
  private LocalDate deadline;

  protected ReturnOrder() {}

  ReturnOrder(DropoutCase dropoutCase, String recordedBy, String townshipCode, LocalDate deadline) {
    super(dropoutCase, recordedBy);
    this.townshipCode = townshipCode;
    this.deadline = deadline;
  }

  public String getTownshipCode() {
    return townshipCode;
  }

  public LocalDate getDeadline() {
    return deadline;
  }
}
