package fr.opus.platform.soap;

import fr.opus.platform.api.security.Authenticator;
import fr.opus.platform.api.security.Caller;
import java.util.Objects;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;

/**
 * Publishes a capability's JAX-WS endpoint on CXF's servlet, which the distribution mounts at {@code /soap}:
 * {@code publish(ReferentialPort.class, impl, "/referentials")} answers at {@code /soap/referentials} and serves
 * its WSDL at {@code /soap/referentials?wsdl}. Call it in {@code @Activate} and {@link Server#destroy()} the result
 * in {@code @Deactivate}, so the endpoint comes and goes with its bundle.
 *
 * <p>Every operation is guarded like a REST resource method: the implementation's methods (or class) carry a
 * {@link fr.opus.platform.api.security.Permit}, an unannotated operation is refused to everyone, and the
 * {@link Authenticator} is required, so an endpoint cannot be published open by forgetting it. The component
 * takes it as a {@code @Reference}: without the accounts capability, no SOAP endpoint is served.
 */
public final class SoapEndpoints {

    /** Namespace shared by Opus's SOAP contracts ({@code urn:opus:soap:v1}); each service adds its own suffix. */
    public static final String NAMESPACE = "urn:opus:soap:v1";

    private SoapEndpoints() {
    }

    public static <T> Server publish(Class<T> contract, T implementation, String address,
            Authenticator authenticator) {
        Objects.requireNonNull(authenticator, "authenticator");
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        // CXF looks up JAXB and its own extensions through the context class loader.
        Thread.currentThread().setContextClassLoader(JaxWsServerFactoryBean.class.getClassLoader());
        try {
            JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
            factory.setBus(BusFactory.getDefaultBus());
            factory.setServiceClass(contract);
            factory.setServiceBean(implementation);
            factory.setAddress(address);
            factory.getInInterceptors().add(new SoapGuard(authenticator, implementation));
            factory.getOutFaultInterceptors().add(new ClientFaultCode());
            return factory.create();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /**
     * The caller of the operation running on this thread, as the guard authenticated it, or {@code null} outside an
     * operation and in operations open to everyone.
     */
    public static Caller caller() {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        return message == null || message.getExchange() == null ? null : message.getExchange().get(Caller.class);
    }
}
