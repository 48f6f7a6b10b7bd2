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
 * The JAAS realm {@code opus}, which SSH and {@code bin/client} log in against ({@code sshRealm = opus} in
 * {@code etc/org.apache.karaf.shell.cfg}): Opus's operator accounts, never {@code etc/users.properties}. A realm of
 * its own name rather than a higher-ranked {@code karaf}: while this bundle or the accounts capability is away (at
 * boot, during a configuration change), SSH finds no realm and refuses everyone instead of falling back to Karaf's
 * properties file. Only regional operators get in, with the {@code ssh} role and the {@code opus} role (Opus
 * commands, installing and removing features); never Karaf's {@code admin}.
 */
@Component(service = JaasRealm.class)
public class OperatorRealm implements JaasRealm {

    /** The realm's name, as {@code sshRealm} names it. */
    static final String NAME = "opus";
    static final int RANK = 0;

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
