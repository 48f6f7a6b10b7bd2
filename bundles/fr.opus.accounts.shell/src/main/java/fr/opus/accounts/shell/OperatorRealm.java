package fr.opus.accounts.shell;

import fr.opus.accounts.api.AuditTrail;
import fr.opus.platform.api.security.Authenticator;
import java.util.Map;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Replaces Karaf's {@code karaf} JAAS realm (the one SSH, {@code bin/client}, JMX and the web console log in
 * against) with Opus's operator accounts: same name, higher rank, so {@code etc/users.properties} is never
 * consulted. Only regional operators get in; they receive Karaf's administration roles.
 */
@Component(service = JaasRealm.class)
public class OperatorRealm implements JaasRealm {

    /** Karaf's realm name, as {@code sshRealm} and {@code jmxRealm} name it. */
    static final String NAME = "karaf";
    /** Karaf's own realm ranks 0. */
    static final int RANK = 100;

    private final AppConfigurationEntry[] entries;

    @Activate
    public OperatorRealm(@Reference Authenticator authenticator, @Reference AuditTrail audit,
            BundleContext context) {
        // Karaf's proxy loads the module from this bundle; the options (our authenticator included) reach it as is
        this.entries = new AppConfigurationEntry[] {new AppConfigurationEntry(ProxyLoginModule.class.getName(),
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED,
                Map.of(ProxyLoginModule.PROPERTY_MODULE, OperatorLoginModule.class.getName(),
                        ProxyLoginModule.PROPERTY_BUNDLE, Long.toString(context.getBundle().getBundleId()),
                        OperatorLoginModule.AUTHENTICATOR, authenticator, OperatorLoginModule.AUDIT, audit))};
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public int getRank() {
        return RANK;
    }

    @Override
    public AppConfigurationEntry[] getEntries() {
        return entries.clone();
    }
}
