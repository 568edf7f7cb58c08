package org.fieldnotes.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test that drives a real browser ({@link Browser}): tagged {@value #TAG}, so that {@code -Dgroups=browser} runs
 * only these and {@code -DexcludedTestGroups=fuzz,benchmark,browser} leaves them out. They run in every
 * {@code ./mvnw verify} by default, and their class names end in {@code BrowserTests}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(BrowserTest.TAG)
public @interface BrowserTest {

	String TAG = "browser";
}
