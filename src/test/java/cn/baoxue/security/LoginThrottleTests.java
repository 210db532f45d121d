package cn.baoxue.security;

import cn.baoxue.testing.QuickTier;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The throttle's counting: per account from one address with a growing but bounded delay, per
 * address over all accounts, within the window.
 */
@QuickTier
class LoginThrottleTests {

  private Instant now = Instant.parse("2026-11-22T08:00:00Z");
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  };
  private final LoginThrottle throttle =
      new LoginThrottle(new LoginThrottleProperties(5, 8, Duration.ofMinutes(15), Duration.ofSeconds(5), Duration.ofMinutes(5)), clock);

  @Test
  void fiveFailuresForOneAccountRefuseThatAccountFromThatAddressOnly() {
    for (int i = 0; i < 5; i++) {
      assertThat(throttle.refuses("bureau-zhenxiong", "10.0.0.7")).isFalse();
      throttle.failed("bureau-zhenxiong", "10.0.0.7");
    }
    assertThat(throttle.refuses("bureau-zhenxiong", "10.0.0.7")).isTrue();
    assertThat(throttle.refuses("BUREAU-zhenxiong", "10.0.0.7")).as("user names match case-insensitively").isTrue();
    assertThat(throttle.refuses("bureau-zhenxiong", "10.0.0.8")).isFalse();
    assertThat(throttle.refuses("teacher-changan", "10.0.0.7")).isFalse();
  }

  @Test
  void anAddressTryingManyAccountsIsRefusedForAll() {
    for (int i = 0; i < 8; i++) {
      throttle.failed("user-" + i, "10.0.0.9");
    }
    assertThat(throttle.refuses("someone-else", "10.0.0.9")).isTrue();
  }

  @Test
  void failuresOlderThanTheWindowNoLongerCount() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("official-nantai", "10.0.0.7");
    }
    now = now.plus(Duration.ofMinutes(16));
    assertThat(throttle.refuses("official-nantai", "10.0.0.7")).isFalse();
  }

  @Test
  void aRightPasswordClearsTheAccountsCountButNotTheAddresss() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("cadre-changan", "10.0.0.7");
    }
    throttle.succeeded("cadre-changan", "10.0.0.7");
    throttle.failed("cadre-changan", "10.0.0.7");
    assertThat(throttle.refuses("cadre-changan", "10.0.0.7")).isFalse();
  }

  @Test
  void afterTheFreeFailuresEachAttemptWaitsADelayThatDoublesUpToItsBound() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("admin", "10.0.0.7");
    }
    assertThat(throttle.refuses("admin", "10.0.0.7")).isTrue();
    now = now.plusSeconds(5);
    assertThat(throttle.refuses("admin", "10.0.0.7")).as("after 5 s").isFalse();
    throttle.failed("admin", "10.0.0.7");
    now = now.plusSeconds(9);
    assertThat(throttle.refuses("admin", "10.0.0.7")).as("the sixth failure doubles the wait").isTrue();
    now = now.plusSeconds(1);
    assertThat(throttle.refuses("admin", "10.0.0.7")).isFalse();
    assertThat(throttle.delayAfter(5)).isEqualTo(Duration.ofSeconds(5));
    assertThat(throttle.delayAfter(7)).isEqualTo(Duration.ofSeconds(20));
    assertThat(throttle.delayAfter(12)).as("bounded").isEqualTo(Duration.ofMinutes(5));
    assertThat(throttle.delayAfter(1000)).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void failuresFromOtherAddressesNeverDelayTheOwnerAtHers() {
    for (int i = 0; i < 40; i++) {
      throttle.failed("admin", "203.0.113." + (i % 4));
    }
    assertThat(throttle.refuses("admin", "203.0.113.1")).isTrue();
    assertThat(throttle.refuses("admin", "10.0.0.7")).as("the owner's own address").isFalse();
  }
}
