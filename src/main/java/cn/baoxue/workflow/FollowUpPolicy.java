package cn.baoxue.workflow;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How often a returned child is checked and for how long, from {@code baoxue.follow-up}. The
 * model reads {@code ${followUpPolicy.interval}} for its timer. Both are ISO-8601 durations in
 * days ({@code P30D}) or, for the embedded demo run, minutes ({@code PT2M}).
 */
@Component("followUpPolicy")
public class FollowUpPolicy {

  private final String interval;
  private final Duration period;

  public FollowUpPolicy(
      @Value("${baoxue.follow-up.interval:P30D}") String interval,
      @Value("${baoxue.follow-up.period:P90D}") Duration period) {
    this.interval = interval;
    this.period = period;
  }

  /** ISO-8601 duration between two follow-up visits, e.g. P30D. */
  public String getInterval() {
    return interval;
  }

  /** How long after the return plan the township may approve closing (销号). */
  public Duration getPeriod() {
    return period;
  }
}
