package org.fieldnotes.admin.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.fieldnotes.demo.DemoRemoval;
import org.fieldnotes.demo.Demos;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo's data: {@code GET /api/v1/demo} counts the live demo placements and people; {@code DELETE
 * /api/v1/demo} removes them all (every demo person erased, audited as {@code demo-remove} and one {@code erase}
 * each), or with {@code ?expired=true} only those past {@code FIELDNOTES_DEMO_TTL}, as the expiry job does.
 */
@RestController
@RequestMapping("/api/v1/demo")
class DemoController {

	private static final String API_ACTOR = "api";

	private final DemoRemoval removal;
	private final Demos demos;

	DemoController(DemoRemoval removal, Demos demos) {
		this.removal = removal;
		this.demos = demos;
	}

	@GetMapping
	Map<String, Object> count() {
		DemoRemoval.Removed live = removal.count();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("enabled", demos.enabled());
		body.put("placements", live.placements());
		body.put("people", live.people());
		return body;
	}

	@DeleteMapping
	Map<String, Object> remove(@RequestParam(defaultValue = "false") boolean expired) {
		DemoRemoval.Removed removed = expired ? removal.removeExpired(API_ACTOR) : removal.removeAll(API_ACTOR);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("removed", Map.of("placements", removed.placements(), "people", removed.people()));
		body.put("erased", removed.erased());
		return body;
	}
}
