package cn.baoxue.cases;

import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 临时编号: the number Baoxue gives a child found without a 身份证号 (铁脚板摸排), until her real one is
 * recorded. {@code T} + the county's 6-digit code + an 11-digit sequence of that county: 18
 * characters like a 身份证号, so it fits wherever one is kept, yet never one — no 身份证号 starts
 * with a letter, and {@code IdNumber.parse} refuses it — and unique, since each county counts its
 * own. Issued as {@link CaseNumbers} issues case numbers: the counter row is updated before it is
 * read, so two surveys of one county queue on its lock.
 */
@Component
public class ProvisionalNumbers {

  static final String PREFIX = "T";
  private static final Pattern FORM = Pattern.compile("T[0-9]{17}");

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;

  ProvisionalNumbers(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public static boolean isProvisional(String idNumber) {
    return idNumber != null && FORM.matcher(idNumber).matches();
  }

  String next(String countyCode) {
    if (increment(countyCode) == 0) {
      createCounter(countyCode);
      increment(countyCode);
    }
    long value = jdbc.sql("select last_value from provisional_number_counter where county_code = ?").param(countyCode)
        .query(Long.class).single();
    return PREFIX + countyCode + "%011d".formatted(value);
  }

  private int increment(String countyCode) {
    return jdbc.sql("update provisional_number_counter set last_value = last_value + 1 where county_code = ?")
        .param(countyCode).update();
  }

  private void createCounter(String countyCode) {
    try {
      ownTransaction.executeWithoutResult(status ->
          jdbc.sql("insert into provisional_number_counter (county_code, last_value) values (?, 0)").param(countyCode).update());
    } catch (DuplicateKeyException e) {
      // Another survey of this county created the counter first; counting on from it is all we need.
    }
  }
}
