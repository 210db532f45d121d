package cn.baoxue.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * The tests a developer runs on every change ({@code mvn -B test -Pquick}, about a minute): unit
 * tests, the model and contract checks, and the process tests that share one engine context without
 * the web stack. The full suite ({@code mvn -B test}) runs these and everything else: the browser,
 * cluster, matrix, upgrade and migration tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag(QuickTier.TAG)
public @interface QuickTier {
  String TAG = "quick";
}
