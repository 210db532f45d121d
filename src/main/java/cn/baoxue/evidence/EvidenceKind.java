package cn.baoxue.evidence;

import cn.baoxue.kernel.validation.Coded;

/** What an item of evidence (佐证材料) is. */
public enum EvidenceKind implements Coded {
  PHOTO("照片"),
  SCAN("扫描件"),
  PDF("电子文档"),
  AUDIO("录音"),
  SIGNATURE("签名");

  private final String label;

  EvidenceKind(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
