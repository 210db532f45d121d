package cn.baoxue.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.org.StaffDirectory;
import cn.baoxue.testing.ActingUsers;
import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.Caller;
import java.time.Instant;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.TimeZone;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * On a host whose zone is UTC (the JVM's default zone set so for the test), a case reported at
 * 01:30 UTC is stamped, shown on the case list, the case page, its timeline and the API at 09:30,
 * Beijing time, as Tasklist shows it. The time is fixed through the engine's clock, which the
 * application's {@link Clock} reads.
 */
@BaoxueWebTest
class BeijingTimeTests {

  private static final Instant REPORTED = Instant.parse("2026-12-07T01:30:00Z");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired StaffDirectory staff;
  @Autowired Clock clock;

  private TimeZone hostZone;

  @BeforeEach
  void aHostOnUtc() {
    hostZone = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
  }

  @AfterEach
  void restore() {
    ClockUtil.reset();
    TimeZone.setDefault(hostZone);
  }

  @Test
  void aCaseReportedAt0130UtcShowsAt0930BeijingTimeOnAUtcHost() {
    ClockUtil.setCurrentTime(Date.from(REPORTED));
    assertThat(LocalDateTime.now(clock)).isEqualTo(LocalDateTime.parse("2026-12-07T09:30:00"));
    ProcessInstance pi = new ActingUsers(engine, staff).reportAtChangan();
    ClockUtil.reset();
    String caseNumber = pi.getBusinessKey();

    Caller teacher = Caller.loggedIn(port, "teacher-changan");
    assertThat(teacher.get("/cases").body()).contains("2026-12-07 09:30").doesNotContain("2026-12-07 01:30");
    assertThat(teacher.get("/cases/" + caseNumber).body()).contains("2026-12-07 09:30").doesNotContain("2026-12-07 01:30");
    assertThat(teacher.get("/cases/" + caseNumber + "/timeline").body())
        .contains("2026-12-07 09:30:00").doesNotContain("2026-12-07 01:30");
    assertThat(Caller.basic(port, "teacher-changan").get("/api/cases/" + caseNumber).body())
        .contains("2026-12-07T09:30").doesNotContain("2026-12-07T01:30");
  }
}
