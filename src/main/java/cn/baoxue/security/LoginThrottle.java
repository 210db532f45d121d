package cn.baoxue.security;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Refuses logins from an address that has failed too often in the last window, whatever the
 * password. The engine locks an account after each failure too (login-delay-*), but only that
 * account: this throttle is what stops one address from trying a password on every account, and
 * from walking one account into the engine's permanent lock. Kept in memory per node: a restart
 * or a second node starts afresh, which slows an attacker no less than the engine's own lock.
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
    return recent(userKey(userId, address)) >= limits.maxFailuresPerUser()
        || recent(addressKey(address)) >= limits.maxFailuresPerAddress();
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

  private int recent(String key) {
    Instant since = clock.instant().minus(limits.window());
    Deque<Instant> times = failures.computeIfPresent(key, (k, kept) -> {
      while (!kept.isEmpty() && kept.peekFirst().isBefore(since)) {
        kept.removeFirst();
      }
      return kept.isEmpty() ? null : kept;
    });
    return times == null ? 0 : times.size();
  }

  private static String userKey(String userId, String address) {
    return "user:" + address + "/" + String.valueOf(userId).toLowerCase(Locale.ROOT);
  }

  private static String addressKey(String address) {
    return "address:" + address;
  }
}
