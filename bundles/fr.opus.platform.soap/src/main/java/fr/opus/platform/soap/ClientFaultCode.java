package fr.opus.platform.soap;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Marks an {@link OpusFault} caused by the caller (status below 500: bad input, unknown code, refused access) as a
 * {@code soap:Client} fault, as SOAP 1.1 intends; CXF would otherwise report every declared fault as
 * {@code soap:Server}.
 */
final class ClientFaultCode extends AbstractPhaseInterceptor<Message> {

    ClientFaultCode() {
        super(Phase.PRE_STREAM);
    }

    @Override
    public void handleMessage(Message message) {
        if (message.getContent(Exception.class) instanceof Fault fault && fault.getCause() instanceof OpusFault opus
                && opus.getFaultInfo() != null && opus.getFaultInfo().status < 500) {
            fault.setFaultCode(Fault.FAULT_CODE_CLIENT);
        }
    }
}
