package cn.baoxue.cases;

import java.util.Optional;

/**
 * A condition 销号 must meet besides the township's approval, owned by the feature that knows it
 * (evidence, for instance). Asked before anything of the approval is written; a return to
 * follow-up is never held up by one.
 */
public interface ClosureCondition {

  /** Why this case may not be closed yet, in Chinese; empty when it may. */
  Optional<String> unmetBy(DropoutCase dropoutCase);
}
