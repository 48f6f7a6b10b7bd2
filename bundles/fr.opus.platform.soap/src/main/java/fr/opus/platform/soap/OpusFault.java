package fr.opus.platform.soap;

import fr.opus.platform.api.OpusException;
import javax.xml.ws.WebFault;

/**
 * The typed fault of every Opus SOAP operation. Its detail element {@code OpusFault} carries the stable code, the
 * status the REST API would give, the French detail and the offending field.
 */
@WebFault(name = "OpusFault", targetNamespace = SoapEndpoints.NAMESPACE)
public class OpusFault extends Exception {

    private static final long serialVersionUID = 1L;

    private final OpusFaultInfo faultInfo;

    public OpusFault(String message, OpusFaultInfo faultInfo) {
        super(message);
        this.faultInfo = faultInfo;
    }

    public OpusFault(String message, OpusFaultInfo faultInfo, Throwable cause) {
        super(message, cause);
        this.faultInfo = faultInfo;
    }

    public static OpusFault of(OpusException failure) {
        return new OpusFault(failure.detail(),
                new OpusFaultInfo(failure.code(), failure.status(), failure.detail(), failure.field()), failure);
    }

    public OpusFaultInfo getFaultInfo() {
        return faultInfo;
    }
}
