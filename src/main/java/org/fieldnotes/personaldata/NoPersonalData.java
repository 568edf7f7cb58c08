package org.fieldnotes.personaldata;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a stored document type free of data about any person, so that no {@link PersonalData} needs to claim
 * it. The reason is required: it is what a reviewer checks when the type gains a field.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface NoPersonalData {

	/** Why nothing in it is about a person, e.g. "a programme's default visibility". */
	String value();
}
