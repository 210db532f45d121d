package cn.baoxue.workflow;

import java.time.Period;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How often a returned child is checked and for how long, from {@code baoxue.follow-up}. The
 * model reads {@code ${followUpPolicy.interval}} for its timer.
 */
@Component("followUpPolicy")
public class FollowUpPolicy {

  private final String interval;
  private final Period period;

  public FollowUpPolicy(
      @Value("${baoxue.follow-up.interval:P30D}") String interval,
      @Value("${baoxue.follow-up.period:P90D}") Period period) {
    this.interval = interval;
    this.period = period;
  }

  /** ISO-8601 duration between two follow-up visits, e.g. P30D. */
  public String getInterval() {
    return interval;
  }

  public Period getPeriod() {
    return period;
  }
}
