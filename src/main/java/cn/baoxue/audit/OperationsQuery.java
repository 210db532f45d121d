package cn.baoxue.audit;

import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.security.WithoutEngineAuthorization;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.history.UserOperationLogQuery;
import org.springframework.stereotype.Service;

/** Everything one official did in a period: the engine's operation log and Baoxue's audit trail. */
@Service
class OperationsQuery {

  private final HistoryService historyService;
  private final AuditEntryRepository trail;
  private final WithoutEngineAuthorization withoutEngineAuthorization;

  OperationsQuery(HistoryService historyService, AuditEntryRepository trail, WithoutEngineAuthorization withoutEngineAuthorization) {
    this.historyService = historyService;
    this.trail = trail;
    this.withoutEngineAuthorization = withoutEngineAuthorization;
  }

  /** One thing the user did. */
  record Operation(LocalDateTime time, String operation, String caseNumber, String task, String property,
      String oldValue, String newValue) {}

  List<Operation> of(String userId, LocalDate from, LocalDate to) {
    List<Operation> operations = new ArrayList<>();
    withoutEngineAuthorization.run(() -> {
      UserOperationLogQuery query = historyService.createUserOperationLogQuery().userId(userId);
      if (from != null) {
        query.afterTimestamp(date(from));
      }
      if (to != null) {
        query.beforeTimestamp(date(to.plusDays(1)));
      }
      for (UserOperationLogEntry log : query.orderByTimestamp().asc().list()) {
        String caseNumber = log.getProcessInstanceId() == null ? null
            : historyService.createHistoricProcessInstanceQuery().processInstanceId(log.getProcessInstanceId())
                .singleResult().getBusinessKey();
        operations.add(new Operation(time(log.getTimestamp()), log.getOperationType(), caseNumber, log.getTaskId(),
            log.getProperty(), log.getOrgValue(), log.getNewValue()));
      }
    });
    for (AuditEntry entry : trail.findByActorOrderByIdAsc(userId)) {
      LocalDate day = entry.getRecordedAt().toLocalDate();
      if ((from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to))) {
        operations.add(new Operation(entry.getRecordedAt(), entry.getKind().name(), null, null, null, null, entry.getPayload()));
      }
    }
    operations.sort(Comparator.comparing(Operation::time));
    return operations;
  }

  private static Date date(LocalDate day) {
    return Date.from(day.atStartOfDay(BeijingTime.zone()).toInstant());
  }

  private static LocalDateTime time(Date date) {
    return BeijingTime.of(date);
  }
}
