package health.patchwork.esr.console.security;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Shown with status 403: to someone signed in without the operator role (who they are and what is missing), and to
 * anyone whose form came without its CSRF token.
 */
@Controller
class DeniedController {

    static final String PATH = "/denied";
    static final String EXPIRED = "/expired";

    private final SignInSettings settings;

    DeniedController(SignInSettings settings) {
        this.settings = settings;
    }

    @RequestMapping(PATH)
    String denied(Principal principal, Model model) {
        model.addAttribute("who", SignedIn.displayName(principal));
        model.addAttribute("role", settings.operatorRole());
        return "denied";
    }

    /** A form posted without its CSRF token, or from a page older than the session: status 403 too. */
    @RequestMapping(EXPIRED)
    String expired(Principal principal, Model model) {
        model.addAttribute("who", principal == null ? "" : SignedIn.displayName(principal));
        return "expired";
    }
}
