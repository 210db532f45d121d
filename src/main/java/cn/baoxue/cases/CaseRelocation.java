package cn.baoxue.cases;

import cn.baoxue.org.CaseJurisdiction;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a case belongs, changed by the 跨县移交 (the case moves to the receiving county's units)
 * and the 外地协查 mark. The engine side (routing variables, candidate groups) is the caller's.
 */
@Service
public class CaseRelocation {

  private final DropoutCaseRepository cases;

  CaseRelocation(DropoutCaseRepository cases) {
    this.cases = cases;
  }

  @Transactional
  public DropoutCase moveTo(DropoutCase dropoutCase, CaseJurisdiction to) {
    dropoutCase.moveTo(to);
    return cases.save(dropoutCase);
  }

  @Transactional
  public DropoutCase markOutsideAssistance(DropoutCase dropoutCase, String addressee) {
    dropoutCase.markOutsideAssistance(addressee);
    return cases.save(dropoutCase);
  }
}
