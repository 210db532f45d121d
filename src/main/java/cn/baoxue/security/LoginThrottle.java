package cn.baoxue.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing without handing anyone a way to lock an account: failures are counted
 * per account AND client address, so failures from other addresses never keep the owner out from
 * her own; after a few free failures the next attempt from that address waits a delay that doubles
 * per failure up to a bound, so even the owner's own typing errors cost minutes, never the account.
 * An address failing on many accounts is refused for all of them until its failures leave the
 * window. The engine's own per-account lock is off (login-max-attempts, login-delay-* in
 * application.yaml): it counted every address together and locked for good after ten failures.
 * Kept in memory per node: a restart or the second node starts afresh.
 */
@Component
class LoginThrottle {

  /** Past this many keys, keys whose failures are all older than the window are dropped. */
  private static final int PRUNE_ABOVE = 10_000;

  private final LoginThrottleProperties limits;
  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  @Autowired
  LoginThrottle(LoginThrottleProperties limits) {
    this(limits, Clock.systemUTC());
  }

  LoginThrottle(LoginThrottleProperties limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
  }

  /** True when this address may not try to log in as this user now. */
  boolean refuses(String userId, String address) {
    if (recent(addressKey(address)).size() >= limits.maxFailuresPerAddress()) {
      return true;
    }
    Deque<Instant> times = recent(userKey(userId, address));
    if (times.size() < limits.maxFailuresPerUser()) {
      return false;
    }
    return clock.instant().isBefore(times.peekLast().plus(delayAfter(times.size())));
  }

  /** The wait after the n-th failure in the window, n at least maxFailuresPerUser: base, doubling, bounded. */
  Duration delayAfter(int failures) {
    int doublings = Math.min(failures - limits.maxFailuresPerUser(), 30);
    Duration delay = limits.delayBase().multipliedBy(1L << doublings);
    return delay.compareTo(limits.delayMax()) > 0 ? limits.delayMax() : delay;
  }

  void failed(String userId, String address) {
    Instant now = clock.instant();
    if (failures.size() > PRUNE_ABOVE) {
      Instant since = now.minus(limits.window());
      for (String key : failures.keySet()) {
        failures.computeIfPresent(key, (k, times) -> times.isEmpty() || times.peekLast().isBefore(since) ? null : times);
      }
    }
    for (String key : new String[] {userKey(userId, address), addressKey(address)}) {
      failures.compute(key, (k, times) -> {
        Deque<Instant> kept = times == null ? new ArrayDeque<>() : times;
        kept.addLast(now);
        return kept;
      });
    }
  }

  /** A right password from the address clears its failures for that user, not for the address. */
  void succeeded(String userId, String address) {
    failures.remove(userKey(userId, address));
  }

  /** The failures of a key within the window, oldest first: a copy taken under the map's lock. */
  private Deque<Instant> recent(String key) {
    Instant since = clock.instant().minus(limits.window());
    Deque<Instant> snapshot = new ArrayDeque<>();
    failures.computeIfPresent(key, (k, kept) -> {
      while (!kept.isEmpty() && kept.peekFirst().isBefore(since)) {
        kept.removeFirst();
      }
      snapshot.addAll(kept);
      return kept.isEmpty() ? null : kept;
    });
    return snapshot;
  }

  private static String userKey(String userId, String address) {
    return "user:" + address + "/" + String.valueOf(userId).toLowerCase(Locale.ROOT);
  }

  private static String addressKey(String address) {
    return "address:" + address;
  }
}
