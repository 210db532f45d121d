package cn.baoxue.evidence;

import org.springframework.web.multipart.MultipartHttpServletRequest;

/** An upload of 佐证材料 read as a command, by the rules of {@code /api/cases/{caseNumber}/evidence}, for other doors that take one. */
public final class EvidenceUpload {

  private EvidenceUpload() {}

  public static AddEvidence read(String caseNumber, MultipartHttpServletRequest request) {
    return EvidenceApiController.command(caseNumber, request);
  }
}
