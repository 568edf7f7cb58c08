/**
 * Words on screens: the message source that gives every text of {@code i18n/} real plural forms (ICU message
 * format, English and Swedish), and the one way long text is cut without splitting a character a person sees.
 * A leaf: it depends on no other module, so every module and adapter can use it.
 */
package org.fieldnotes.text;
