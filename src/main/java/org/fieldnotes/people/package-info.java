/**
 * Who people are, whatever channel they use: a {@link org.fieldnotes.people.Person} has a stable
 * {@link org.fieldnotes.people.PersonId}, any number of chat accounts and e-mail addresses, a name, a time zone, a
 * language and a country. Everything else refers to people by id and reaches them through an account or an address.
 */
package org.fieldnotes.people;
