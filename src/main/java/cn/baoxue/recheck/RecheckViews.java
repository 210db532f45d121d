package cn.baoxue.recheck;

import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.org.OrgTree;
import cn.baoxue.org.Roles;
import cn.baoxue.recheck.QuarterlyRechecks.Item;
import cn.baoxue.recheck.QuarterlyRechecks.Round;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The rounds of 季度复核 as their readers see them — the county bureau of the round's county and
 * those above it (the prefecture, the province, their auditors, the deployment's auditors) — with
 * people and units by name and the share confirmed.
 */
@Component
class RecheckViews {

  static final String NOT_FOUND = "没有找到该季度复核，或不在您的辖区";

  private final QuarterlyRechecks rechecks;
  private final OrgTree orgTree;
  private final Roles roles;

  RecheckViews(QuarterlyRechecks rechecks, OrgTree orgTree, Roles roles) {
    this.rechecks = rechecks;
    this.orgTree = orgTree;
    this.roles = roles;
  }

  record RoundView(long id, String countyCode, String countyName, String quarter, String quarterLabel, LocalDate periodStart,
      LocalDate periodEnd, String status, String statusLabel, Integer samplePerTownship, String seed, String drawnBy,
      LocalDateTime drawnAt, Integer candidates, int sampled, int confirmed, int failed, int pending,
      /** Confirmed of those re-checked, in per cent with one decimal; null before the first finding. */
      BigDecimal confirmedPercent, LocalDateTime finishedAt) {}

  record ItemView(int drawOrder, String caseNumber, String townshipCode, String townshipName, String kind, String kindLabel,
      String outcome, String outcomeLabel, String notes, String checkedBy, LocalDateTime checkedAt, String reopenedCaseNumber) {}

  record RoundWithItems(RoundView round, boolean sampleReproduces, List<ItemView> items) {}

  List<RoundView> visibleTo(Staff reader) {
    return rechecks.rounds().stream().filter(round -> reader.jurisdiction().covers(round.countyCode()))
        .map(round -> of(round, rechecks.items(round.id()))).toList();
  }

  RoundWithItems read(long id, Staff reader) {
    Round round = rechecks.round(id).filter(r -> reader.jurisdiction().covers(r.countyCode()))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, NOT_FOUND));
    List<Item> items = rechecks.items(round.id());
    return new RoundWithItems(of(round, items), rechecks.sampleReproduces(round), items.stream().map(this::of).toList());
  }

  private RoundView of(Round round, List<Item> items) {
    int confirmed = (int) items.stream().filter(item -> item.outcome() == RecheckOutcome.CONFIRMED).count();
    int failed = (int) items.stream().filter(item -> item.outcome() == RecheckOutcome.FAILED).count();
    String status = round.finishedAt() != null ? "FINISHED" : round.seed() != null ? "CHECKING" : "TO_DRAW";
    String statusLabel = switch (status) {
      case "FINISHED" -> "已完成";
      case "CHECKING" -> "复核中";
      default -> "待抽样";
    };
    BigDecimal percent = confirmed + failed == 0 ? null
        : BigDecimal.valueOf(confirmed * 100L).divide(BigDecimal.valueOf(confirmed + failed), 1, RoundingMode.HALF_UP);
    return new RoundView(round.id(), round.countyCode(), orgTree.name(round.countyCode()), round.quarter().toString(),
        round.quarter().label(), round.quarter().firstDay(), round.quarter().lastDay(), status, statusLabel,
        round.samplePerTownship(), round.seed() == null ? null : Long.toString(round.seed()),
        round.drawnBy() == null ? null : roles.person(round.drawnBy()), round.drawnAt(), round.candidates(), items.size(),
        confirmed, failed, items.size() - confirmed - failed, percent,
        round.finishedAt());
  }

  private ItemView of(Item item) {
    return new ItemView(item.drawOrder(), item.caseNumber(), item.townshipCode(), orgTree.name(item.townshipCode()),
        item.kind().name(), item.kind().label(), item.outcome() == null ? null : item.outcome().name(),
        item.outcome() == null ? "待复核" : item.outcome().label(), item.notes(),
        item.checkedBy() == null ? null : roles.person(item.checkedBy()), item.checkedAt(), item.reopenedCaseNumber());
  }
}
