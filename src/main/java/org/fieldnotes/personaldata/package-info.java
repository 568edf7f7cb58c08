/**
 * What each module stores about people, and how it answers for it: every module that stores something about a
 * person implements {@link org.fieldnotes.personaldata.PersonalData} for its own collections (export, erase, and
 * the retention sweep's purge), so that export, erasure and retention never name another module's collections or
 * fields. A leaf: it depends on no other module, so every module can implement it.
 */
package org.fieldnotes.personaldata;
