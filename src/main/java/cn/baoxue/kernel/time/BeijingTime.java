package cn.baoxue.kernel.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Baoxue's one clock: the engine's current time (Camunda's {@code ClockUtil}, which tests may fix)
 * read in the county's zone, {@code baoxue.time-zone}, Beijing time unless configured otherwise.
 * Every date and time Baoxue stamps, shows, computes or exports is in this zone, whatever the
 * host's zone: a server set to UTC would otherwise stamp and show times eight hours off.
 *
 * <p>Records are stamped as wall-clock times of the zone ({@code LocalDateTime}); the engine's
 * {@code Date}s are instants and are read through {@link #of(Date)}. Entities, which Spring does
 * not build, use the static {@link #now()}; services take the {@link Clock} bean.
 */
public final class BeijingTime extends Clock {

  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

  /** The configured zone; one for the whole application (set once at start-up by {@link TimeConfiguration}). */
  private static volatile ZoneId configured = DEFAULT_ZONE;

  private final ZoneId zone;

  BeijingTime(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId other) {
    return new BeijingTime(other);
  }

  @Override
  public Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  static void use(ZoneId zone) {
    configured = zone;
  }

  /** The zone every time is shown and stamped in. */
  public static ZoneId zone() {
    return configured;
  }

  /** Now, as the county's clocks show it. */
  public static LocalDateTime now() {
    return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), configured);
  }

  /** Today in the county. */
  public static LocalDate today() {
    return now().toLocalDate();
  }

  /** An engine time (an instant) as the county's clocks showed it; null stays null. */
  public static LocalDateTime of(Date date) {
    return date == null ? null : LocalDateTime.ofInstant(date.toInstant(), configured);
  }

  /** A county wall-clock time as the engine's instant; null stays null. */
  public static Date toDate(LocalDateTime time) {
    return time == null ? null : Date.from(time.atZone(configured).toInstant());
  }

  /** The start of a county day as the engine's instant. */
  public static Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(configured).toInstant());
  }
}
