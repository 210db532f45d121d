package cn.baoxue.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.operations.EngineSchemaMigration;
import cn.baoxue.testing.PostgresDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Migration 14 tracks each channel's delivery: an outbox from before it keeps what was sent as sent
 * (by the channel that sent it) and what was waiting as waiting for the log channel, on both
 * databases Baoxue runs on.
 */
class NotificationDeliveriesMigrationTests {

  @Test
  void anEmbeddedDatabasesOutboxIsCarriedOver() throws Exception {
    String url = "jdbc:h2:mem:v14_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
      carriesTheOutboxOver(new SingleConnectionDataSource(connection, true));
    }
  }

  @Test
  void aProductionDatabasesOutboxIsCarriedOver() throws Exception {
    try (PostgresDatabase postgres = PostgresDatabase.create("v14");
        Connection connection = postgres.connect()) {
      carriesTheOutboxOver(new SingleConnectionDataSource(connection, true));
    }
  }

  private void carriesTheOutboxOver(DataSource dataSource) {
    migrate(dataSource, "12");
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.update("insert into notification (kind, recipient, case_number, task_id, message, created_at, sent_at, channel)"
        + " values ('ASSIGNED', 'school_5306270001', '530627-2026-00001', 't1', '您有新的待办', timestamp '2026-11-02 09:00:00',"
        + " timestamp '2026-11-02 09:00:30', 'log')");
    jdbc.update("insert into notification (kind, recipient, case_number, task_id, message, created_at)"
        + " values ('ESCALATED', 'township_530627205', '530627-2026-00001', 't2', '逾期督办', timestamp '2026-11-03 18:00:00')");

    migrate(dataSource, "14");

    assertThat(jdbc.queryForList("select n.task_id, d.channel, d.status, d.attempts, d.sent_at, d.next_attempt_at"
        + " from notification_delivery d join notification n on n.id = d.notification_id order by n.task_id"))
        .extracting(row -> row.get("task_id") + "|" + row.get("channel") + "|" + row.get("status") + "|" + row.get("attempts") + "|"
            + row.get("sent_at") + "|" + row.get("next_attempt_at"))
        .containsExactly("t1|log|SENT|1|2026-11-02 09:00:30.0|null", "t2|log|PENDING|0|null|2026-11-03 18:00:00.0");
    assertThat(jdbc.queryForObject("select count(*) from notification_read", Long.class)).isZero();
    // The inbox's own SQL runs on the migrated schema: a read mark once, however often she reads.
    NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
    long first = jdbc.queryForObject("select id from notification where task_id = 't1'", Long.class);
    MapSqlParameterSource read = new MapSqlParameterSource("id", first).addValue("userId", "teacher-changan")
        .addValue("readAt", Timestamp.valueOf(LocalDateTime.of(2026, 11, 4, 8, 0)));
    assertThat(named.update(NotificationInbox.MARK_READ, read)).isEqualTo(1);
    assertThat(named.update(NotificationInbox.MARK_READ, read)).isZero();
    assertThat(named.queryForObject(NotificationInbox.UNREAD_COUNT, new MapSqlParameterSource("recipients",
        List.of("teacher-changan", "school_5306270001", "township_530627205")).addValue("userId", "teacher-changan"), Long.class))
        .isEqualTo(1);
    jdbc.update("insert into staff_contact (user_id, mobile, wecom_user_id, updated_at) values ('teacher-changan', '13800000011', null,"
        + " current_timestamp)");
  }

  private static void migrate(DataSource dataSource, String target) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .javaMigrations(new EngineSchemaMigration())
        .target(target)
        .load()
        .migrate();
  }
}
