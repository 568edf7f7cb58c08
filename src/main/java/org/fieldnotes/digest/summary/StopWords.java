package org.fieldnotes.digest.summary;

import java.util.Arrays;
import java.util.Set;

/** Common English and Swedish words that say nothing about a week, whichever language an entry is in. */
public final class StopWords {

	private static final Set<String> WORDS = Set.copyOf(Arrays.asList((""
			// English
			+ "a about above after again against all also am an and any are around as at be because been before "
			+ "being below between both but by can could did do does doing done down during each even ever every "
			+ "few for from further get gets getting got had has have having he her here hers herself him himself "
			+ "his how however i if in into is it its itself just last let like lot lots made make makes many may "
			+ "me might more most much must my myself new next no nor not now of off on once one only or other "
			+ "our ours ourselves out over own quite rather really same see seem seemed she should since so some "
			+ "still such than that the their theirs them themselves then there these they thing things think "
			+ "this those though through thus to today too took under until up upon us very via was way we week "
			+ "weeks well were what when where whether which while who whom whose why will with within without "
			+ "would yes yet you your yours yourself yourselves "
			+ "don doesn didn isn wasn aren weren won wouldn couldn shouldn can't ll ve re "
			// Swedish
			+ "alla allt alltså andra att av bara bli blev blir blivit de dem den denna deras dess dessa det detta "
			+ "dig din dina ditt du där då efter ej eller en er era ert ett från för fick får gick gjorde gjort "
			+ "går göra ha hade han hans har hela henne hennes hit hon honom hur här i icke idag ingen inom inte "
			+ "jag ju kan kunde kommer man med mellan men mer mig min mina mitt mot mycket ni nu när någon något "
			+ "några och också om oss på redan samma se sedan sig sin sina sitt själv ska skall skulle som så "
			+ "sådan sådana tar till tills under upp ut utan vad var vara varför varit varje vars vecka veckan "
			+ "veckans vem vi vid vilka vilken vilket vill väldigt än är år åt över")
		.split(" ")));

	private StopWords() {
	}

	public static boolean contains(String lowerCaseWord) {
		return WORDS.contains(lowerCaseWord);
	}
}
