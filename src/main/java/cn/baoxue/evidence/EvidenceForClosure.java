package cn.baoxue.evidence;

import cn.baoxue.cases.ClosureCondition;
import cn.baoxue.cases.DropoutCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 销号 needs the evidence {@code baoxue.evidence.required-for-closure} names: per task definition
 * key, how many items the case must carry on tasks of that key. Items on completed tasks count,
 * so a case opened before evidence existed can be closed once they are uploaded.
 */
@Component
class EvidenceForClosure implements ClosureCondition {

  private final EvidenceItemRepository items;
  private final CaseTasks tasks;
  private final EvidenceProperties properties;

  EvidenceForClosure(EvidenceItemRepository items, CaseTasks tasks, EvidenceProperties properties) {
    this.items = items;
    this.tasks = tasks;
    this.properties = properties;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<String> unmetBy(DropoutCase dropoutCase) {
    List<EvidenceItem> carried = items.findByCaseIdOrderByUploadedAtAscIdAsc(dropoutCase.getId());
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, Integer> required : properties.requiredForClosure().entrySet()) {
      long count = carried.stream().filter(item -> Objects.equals(required.getKey(), item.getTaskKey())).count();
      if (count < required.getValue()) {
        missing.add("“" + tasks.nameOf(dropoutCase, required.getKey()) + "”至少" + required.getValue() + "份（现有" + count + "份）");
      }
    }
    return missing.isEmpty()
        ? Optional.empty()
        : Optional.of("尚缺佐证材料，不能销号：" + String.join("，", missing) + "。请在个案页面的“佐证材料”中上传后再审批");
  }
}
