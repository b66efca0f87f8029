package health.patchwork.esr.outbound.load;

/**
 * A dry run stopped so that an import could apply a file: it found the apply lock taken, or an import ended its
 * database session to take it. Nothing of the dry run was kept; it can be asked for again.
 */
public class DryRunGaveWayException extends RuntimeException {

    public DryRunGaveWayException(String reason) {
        super("the dry run gave way: " + reason);
    }
}
