package health.patchwork.esr.console.overview;

import java.security.Principal;
import java.time.Instant;

import health.patchwork.esr.console.security.SignedIn;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The overview: every interface's state on one page, read afresh from the services for each request. */
@Controller
class OverviewController {

    private final OverviewReader reader;

    OverviewController(OverviewReader reader) {
        this.reader = reader;
    }

    @GetMapping("/")
    String overview(Model model, Principal principal) {
        model.addAttribute("interfaces", reader.read());
        model.addAttribute("readAt", Words.when(Instant.now().toString()));
        model.addAttribute("who", SignedIn.displayName(principal));
        return "overview";
    }
}
