package health.patchwork.esr.support.settings;

import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

class ReadableFileValidator implements ConstraintValidator<ReadableFile, Path> {

    @Override
    public boolean isValid(Path value, ConstraintValidatorContext context) {
        return value == null || (Files.isRegularFile(value) && Files.isReadable(value));
    }
}
