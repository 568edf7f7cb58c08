package org.fieldnotes.store;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * Local dates and times are stored as ISO-8601 strings ({@code 2026-12-01}, {@code 14:00}). Spring Data's default
 * turns them into UTC instants through the JVM's own time zone, which would move a due date by a day between
 * machines. ISO strings also sort and compare correctly in queries.
 */
final class LocalTimeConversions {

	private LocalTimeConversions() {
	}

	static MongoCustomConversions create() {
		return new MongoCustomConversions(List.of(LocalDateToString.INSTANCE, StringToLocalDate.INSTANCE,
				LocalTimeToString.INSTANCE, StringToLocalTime.INSTANCE, LocalDateTimeToString.INSTANCE,
				StringToLocalDateTime.INSTANCE));
	}

	@WritingConverter
	enum LocalDateToString implements Converter<LocalDate, String> {
		INSTANCE;

		@Override
		public String convert(LocalDate source) {
			return source.toString();
		}
	}

	@ReadingConverter
	enum StringToLocalDate implements Converter<String, LocalDate> {
		INSTANCE;

		@Override
		public LocalDate convert(String source) {
			return LocalDate.parse(source);
		}
	}

	@WritingConverter
	enum LocalTimeToString implements Converter<LocalTime, String> {
		INSTANCE;

		@Override
		public String convert(LocalTime source) {
			return source.toString();
		}
	}

	@ReadingConverter
	enum StringToLocalTime implements Converter<String, LocalTime> {
		INSTANCE;

		@Override
		public LocalTime convert(String source) {
			return LocalTime.parse(source);
		}
	}

	@WritingConverter
	enum LocalDateTimeToString implements Converter<LocalDateTime, String> {
		INSTANCE;

		@Override
		public String convert(LocalDateTime source) {
			return source.toString();
		}
	}

	@ReadingConverter
	enum StringToLocalDateTime implements Converter<String, LocalDateTime> {
		INSTANCE;

		@Override
		public LocalDateTime convert(String source) {
			return LocalDateTime.parse(source);
		}
	}
}
