package cn.baoxue.cases;

import cn.baoxue.kernel.validation.Inputs;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 核实: the school's finding. A confirmed dropout enters the dropout ledger (辍学台账); anything
 * else closes the case with its reason.
 */
@Service
public class VerificationService {

  private final CaseOfProcess caseOfProcess;

  VerificationService(CaseOfProcess caseOfProcess) {
    this.caseOfProcess = caseOfProcess;
  }

  @Transactional
  public VerifyResult verify(CaseStep step, String result, String notDropoutReason, String notes) {
    DropoutCase dropoutCase = caseOfProcess.requireOpen(step);
    Inputs in = new Inputs();
    VerifyResult verifyResult = in.code("verifyResult", VerifyResult.class, result, "核实结果");
    NotDropoutReason reason = null;
    if (verifyResult == VerifyResult.NOT_DROPOUT) {
      reason = in.code("notDropoutReason", NotDropoutReason.class, notDropoutReason, "非辍学原因");
    }
    String verifyNotes = in.notes("verifyNotes", notes, "核实情况", false);
    in.check();
    dropoutCase.verify(verifyResult, reason, verifyNotes, step.actor());
    return verifyResult;
  }
}
