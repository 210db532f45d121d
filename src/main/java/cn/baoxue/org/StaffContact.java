package cn.baoxue.org;

import cn.baoxue.kernel.time.BeijingTime;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * How a member of staff is reached outside Baoxue (联系方式): her mobile number for SMS and her
 * 企业微信 account (userid in the organisation's 企业微信). Beside her Camunda account, by its id.
 */
@Entity
@Table(name = "staff_contact")
public class StaffContact {

  @Id
  @Column(name = "user_id")
  private String userId;

  @Column
  private String mobile;

  @Column(name = "wecom_user_id")
  private String wecomUserId;

  @Column(name = "updated_at", nullable = false)
  private LocalDateTime updatedAt;

  protected StaffContact() {}

  StaffContact(String userId) {
    this.userId = userId;
  }

  /** A value left out (null) keeps what is on file. */
  void update(String mobile, String wecomUserId) {
    if (mobile != null) {
      this.mobile = mobile;
    }
    if (wecomUserId != null) {
      this.wecomUserId = wecomUserId;
    }
    this.updatedAt = BeijingTime.now();
  }

  public String getUserId() {
    return userId;
  }

  public String getMobile() {
    return mobile;
  }

  public String getWecomUserId() {
    return wecomUserId;
  }
}
