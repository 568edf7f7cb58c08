package org.fieldnotes.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** Reads received e-mails in tests: the text of each part by content type, and free ports for SMTP stand-ins. */
public final class MailParts {

	private MailParts() {
	}

	/** The decoded text of every text part, by base content type ({@code text/plain}, {@code text/html}). */
	public static Map<String, String> texts(Part message) {
		Map<String, String> texts = new LinkedHashMap<>();
		collect(message, texts);
		return texts;
	}

	/** The content types of the multipart containers, outermost first (e.g. {@code multipart/alternative}). */
	public static String structure(Part message) {
		try {
			if (message.isMimeType("multipart/*")) {
				Multipart multipart = (Multipart) message.getContent();
				StringBuilder structure = new StringBuilder(multipart.getContentType().split(";")[0].trim().toLowerCase());
				for (int i = 0; i < multipart.getCount(); i++) {
					structure.append(' ').append(structure(multipart.getBodyPart(i)));
				}
				return structure.toString();
			}
			return message.getContentType().split(";")[0].trim().toLowerCase();
		}
		catch (MessagingException | IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private static void collect(Part part, Map<String, String> texts) {
		try {
			if (part.isMimeType("multipart/*")) {
				Multipart multipart = (Multipart) part.getContent();
				for (int i = 0; i < multipart.getCount(); i++) {
					collect(multipart.getBodyPart(i), texts);
				}
			}
			else if (part.isMimeType("text/*")) {
				texts.put(part.getContentType().split(";")[0].trim().toLowerCase(), (String) part.getContent());
			}
		}
		catch (MessagingException | IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The parts that are not text or multipart (e.g. inline images), outermost first, in order. */
	public static List<Part> binaries(Part message) {
		List<Part> parts = new ArrayList<>();
		collectBinaries(message, parts);
		return parts;
	}

	private static void collectBinaries(Part part, List<Part> parts) {
		try {
			if (part.isMimeType("multipart/*")) {
				Multipart multipart = (Multipart) part.getContent();
				for (int i = 0; i < multipart.getCount(); i++) {
					collectBinaries(multipart.getBodyPart(i), parts);
				}
			}
			else if (!part.isMimeType("text/*")) {
				parts.add(part);
			}
		}
		catch (MessagingException | IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A local port nothing listens on (at the moment of asking). */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
