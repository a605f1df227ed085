package dev.holdfast.protection.tracing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

/**
 * The leak-trace page: an administrator drops a suspect file or pastes text and sees the
 * exports and employees it came from.
 */
@Controller
class LeakTraceController {

	private final LeakTrace trace;

	LeakTraceController(LeakTrace trace) {
		this.trace = trace;
	}

	@GetMapping("/leak-trace")
	@RequiresPermission(Permission.LEAK_TRACE)
	String page() {
		return "protection/leak-trace";
	}

	@PostMapping("/leak-trace")
	@AnyEmployee
	String trace(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String text,
			Model model) throws IOException {
		// an unreadable upload is the server's failure: the error page, as for any other
		byte[] content = file != null && !file.isEmpty() ? file.getBytes()
				: (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
		model.addAttribute("report", this.trace.trace(content));
		return "protection/leak-trace";
	}

}
