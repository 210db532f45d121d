package cn.baoxue.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The address throttle's counting: per account from one address, per address, within the window. */
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
      new LoginThrottle(new LoginThrottleProperties(5, 8, Duration.ofMinutes(15)), clock);

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
}
