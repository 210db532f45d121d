package cn.baoxue.referral;

import cn.baoxue.kernel.time.BeijingTime;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** One recorded step of a referral (sent, accepted, rejected, closed), as the audit chain holds it. */
@Entity
@Table(name = "referral_step")
public class ReferralStep {

  /** The steps, by what the referral's status became. */
  public enum Kind { SENT, ACCEPTED, REJECTED, CLOSED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "referral_id", nullable = false, updatable = false)
  private Long referralId;

  @Column(nullable = false, updatable = false)
  private String step;

  @Column(nullable = false, updatable = false)
  private String actor;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  private LocalDateTime recordedAt;

  @Column(nullable = false, updatable = false)
  private String payload;

  protected ReferralStep() {}

  ReferralStep(Long referralId, Kind step, String actor, String payload) {
    this.referralId = referralId;
    this.step = step.name();
    this.actor = actor;
    this.recordedAt = BeijingTime.now();
    this.payload = payload;
  }

  public Long getId() {
    return id;
  }

  public String getPayload() {
    return payload;
  }
}
