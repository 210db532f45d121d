package cn.baoxue.notifications;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the dispatcher retries a channel's failed delivery: after {@code retryBase}, doubling per
 * failure up to {@code retryMax}; after {@code maxAttempts} failures it gives up and the delivery
 * waits, marked 失败, for the administrator (/admin/notifications). {@code claimFor} is how long
 * one node holds a delivery while it sends, so that two nodes never send the same one.
 */
@ConfigurationProperties("baoxue.notifications.delivery")
record DeliveryPolicy(int maxAttempts, Duration retryBase, Duration retryMax, int batchSize, Duration claimFor) {

  DeliveryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("baoxue.notifications.delivery.max-attempts must be at least 1");
    }
  }

  /** The pause after the given failed attempt (1 for the first). */
  Duration backoffAfter(int attempt) {
    Duration pause = retryBase;
    for (int i = 1; i < attempt && pause.compareTo(retryMax) < 0; i++) {
      pause = pause.multipliedBy(2);
    }
    return pause.compareTo(retryMax) > 0 ? retryMax : pause;
  }
}
