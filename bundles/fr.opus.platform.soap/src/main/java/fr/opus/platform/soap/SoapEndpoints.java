package fr.opus.platform.soap;

import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;

/**
 * Publishes a capability's JAX-WS endpoint on CXF's servlet, which the distribution mounts at {@code /soap}:
 * {@code publish(ReferentialPort.class, impl, "/referentials")} answers at {@code /soap/referentials} and serves
 * its WSDL at {@code /soap/referentials?wsdl}. Call it in {@code @Activate} and {@link Server#destroy()} the result
 * in {@code @Deactivate}, so the endpoint comes and goes with its bundle.
 */
public final class SoapEndpoints {

    /** Namespace shared by Opus's SOAP contracts ({@code urn:opus:soap:v1}); each service adds its own suffix. */
    public static final String NAMESPACE = "urn:opus:soap:v1";

    private SoapEndpoints() {
    }

    public static <T> Server publish(Class<T> contract, T implementation, String address) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        // CXF looks up JAXB and its own extensions through the context class loader.
        Thread.currentThread().setContextClassLoader(JaxWsServerFactoryBean.class.getClassLoader());
        try {
            JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
            factory.setBus(BusFactory.getDefaultBus());
            factory.setServiceClass(contract);
            factory.setServiceBean(implementation);
            factory.setAddress(address);
            factory.getOutFaultInterceptors().add(new ClientFaultCode());
            return factory.create();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
