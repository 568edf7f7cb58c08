/**
 * The demo a newcomer tries in the browser with no workspace: a made-up placement whose people have web chat
 * accounts, clearly marked, removed with one command.
 */
package org.fieldnotes.demo;
