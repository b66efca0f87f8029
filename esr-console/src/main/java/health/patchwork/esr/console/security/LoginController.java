package health.patchwork.esr.console.security;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page of either mode; Spring Security handles the form's post and the identity provider's answer. */
@Controller
class LoginController {

    private final SignInPage page;

    LoginController(SignInPage page) {
        this.page = page;
    }

    @GetMapping(ConsoleSecurity.LOGIN)
    String login(Model model) {
        model.addAttribute("signIn", page);
        return "login";
    }
}
