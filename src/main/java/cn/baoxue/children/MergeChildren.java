package cn.baoxue.children;

import cn.baoxue.kernel.validation.Inputs;
import java.util.Map;
import java.util.Set;

/**
 * The command to merge two records of one child: {@code keptChildId} stays the child's record,
 * {@code mergedChildId} hands it everything and is marked merged into it. Read from the body with
 * every key named, so a key the command does not know is refused rather than ignored.
 */
record MergeChildren(long keptChildId, long mergedChildId, String reason) {

  static final String KEPT = "keptChildId";
  static final String MERGED = "mergedChildId";
  static final String REASON = "reason";
  private static final Set<String> KEYS = Set.of(KEPT, MERGED, REASON);
  static final int MAX_REASON = 500;

  static MergeChildren from(Map<String, ?> body) {
    Inputs in = new Inputs();
    if (body == null) {
      in.problem(KEPT, "请指明保留哪条儿童记录");
      in.check();
    }
    body.keySet().stream().filter(key -> !KEYS.contains(key)).sorted()
        .forEach(key -> in.problem(key, "合并儿童记录不接受字段“" + key + "”"));
    Long kept = id(in, KEPT, body.get(KEPT), "保留的儿童记录");
    Long merged = id(in, MERGED, body.get(MERGED), "并入的儿童记录");
    Object rawReason = body.get(REASON);
    if (rawReason != null && !(rawReason instanceof String)) {
      in.problem(REASON, "合并理由须为文字");
    }
    String reason = in.text(REASON, rawReason instanceof String text ? text : null, "合并理由", false, MAX_REASON);
    if (kept != null && kept.equals(merged)) {
      in.problem(MERGED, "不能把一条儿童记录合并到它自己");
    }
    in.check();
    return new MergeChildren(kept, merged, reason);
  }

  private static Long id(Inputs in, String field, Object raw, String label) {
    String text = raw instanceof Number || raw instanceof String ? Inputs.trim(String.valueOf(raw)) : null;
    if (text == null) {
      in.problem(field, "请填写" + label + "的编号");
      return null;
    }
    if (!text.matches("[1-9][0-9]{0,17}")) {
      in.problem(field, label + "的编号须为正整数：" + text);
      return null;
    }
    return Long.parseLong(text);
  }
}
