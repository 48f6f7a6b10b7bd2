package fr.opus.referentials.soap;

import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.security.Authenticator;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.soap.OpusFault;
import fr.opus.platform.soap.SoapEndpoints;
import fr.opus.referentials.api.CodeList;
import fr.opus.referentials.api.Commune;
import fr.opus.referentials.api.ReferentialService;
import fr.opus.referentials.soap.SoapTypes.CommuneType;
import fr.opus.referentials.soap.SoapTypes.DepartementType;
import fr.opus.referentials.soap.SoapTypes.ReferentielType;
import fr.opus.referentials.soap.SoapTypes.RegionType;
import java.util.Arrays;
import java.util.List;
import javax.jws.WebService;
import org.apache.cxf.endpoint.Server;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** Publishes {@link ReferentialPort} at {@code /soap/referentials} for as long as this bundle runs. */
@Component(service = {})
@Permit({Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR, Role.PARTNER_APPLICATION})
@WebService(serviceName = "ReferentialService", portName = "ReferentialPort",
        endpointInterface = "fr.opus.referentials.soap.ReferentialPort", targetNamespace = ReferentialPort.NAMESPACE)
public class ReferentialEndpoint implements ReferentialPort {

    static final String ADDRESS = "/referentials";
    private static final int MAX_LIMIT = 50;

    private final ReferentialService referentials;
    private final Server server;

    @Activate
    public ReferentialEndpoint(@Reference ReferentialService referentials, @Reference Authenticator authenticator) {
        this.referentials = referentials;
        this.server = SoapEndpoints.publish(ReferentialPort.class, this, ADDRESS, authenticator);
    }

    ReferentialEndpoint(ReferentialService referentials) {
        this.referentials = referentials;
        this.server = null;
    }

    @Deactivate
    void deactivate() {
        if (server != null) {
            server.destroy();
        }
    }

    @Override
    public List<RegionType> getRegions() throws OpusFault {
        return referentials.regions().stream().map(r -> new RegionType(r.code(), r.name())).toList();
    }

    @Override
    public List<DepartementType> getDepartements(String regionCode) throws OpusFault {
        if (regionCode != null && !regionCode.isBlank() && referentials.region(regionCode).isEmpty()) {
            throw OpusFault.of(OpusException.notFound("unknown-region",
                    "Aucune région n'a le code « " + regionCode + " »."));
        }
        return referentials.departments().stream()
                .filter(d -> regionCode == null || regionCode.isBlank() || d.regionCode().equals(regionCode.trim()))
                .map(d -> new DepartementType(d.code(), d.name(), d.regionCode())).toList();
    }

    @Override
    public List<CommuneType> getCommunes(String departmentCode) throws OpusFault {
        if (departmentCode == null || departmentCode.isBlank()) {
            throw OpusFault.of(OpusException.invalid(ProblemCodes.INVALID_PARAMETER,
                    "Le code du département est obligatoire (par exemple 42, 2A ou 974).", "codeDepartement"));
        }
        String code = referentials.department(departmentCode).orElseThrow(() -> OpusFault.of(OpusException
                .notFound("unknown-department", "Aucun département n'a le code « " + departmentCode + " »."))).code();
        return referentials.communes().stream().filter(c -> c.departmentCode().equals(code))
                .map(ReferentialEndpoint::commune).toList();
    }

    @Override
    public List<ReferentielType> getMetiers() throws OpusFault {
        return referentials.jobs().stream().map(j -> new ReferentielType(j.romeCode(), j.label())).toList();
    }

    @Override
    public List<ReferentielType> getAppellations(String romeCode) throws OpusFault {
        boolean all = romeCode == null || romeCode.isBlank();
        String code = all ? null : referentials.job(romeCode).orElseThrow(() -> OpusFault.of(OpusException
                .notFound("unknown-rome-code", "Aucun métier ROME n'a le code « " + romeCode + " »."))).romeCode();
        return referentials.appellations().stream().filter(a -> all || a.romeCode().equals(code))
                .map(a -> new ReferentielType(a.code(), a.label())).toList();
    }

    @Override
    public List<ReferentielType> getReferentiel(String name) throws OpusFault {
        CodeList list = Arrays.stream(CodeList.values())
                .filter(l -> l.name().replace("_", "").equalsIgnoreCase(name == null ? "" : name.trim()))
                .findFirst()
                .orElseThrow(() -> OpusFault.of(OpusException.invalid(ProblemCodes.INVALID_PARAMETER,
                        "Référentiel inconnu « " + name + " » ; référentiels disponibles : domaines, themes, "
                                + "typesContrats, naturesContrats, secteursActivites, nafs.", "nom")));
        return referentials.codeList(list).stream().map(c -> new ReferentielType(c.code(), c.label())).toList();
    }

    @Override
    public List<ReferentielType> findMetiers(String text, Integer limit) throws OpusFault {
        return referentials.findJobs(text(text), limit(limit)).stream()
                .map(j -> new ReferentielType(j.romeCode(), j.label())).toList();
    }

    @Override
    public List<CommuneType> findCommunes(String text, Integer limit) throws OpusFault {
        return referentials.findCommunes(text(text), limit(limit)).stream().map(ReferentialEndpoint::commune)
                .toList();
    }

    private static String text(String text) throws OpusFault {
        if (text == null || text.isBlank() || text.length() > 100) {
            throw OpusFault.of(OpusException.invalid(ProblemCodes.INVALID_PARAMETER,
                    "Le texte recherché est obligatoire et ne doit pas dépasser 100 caractères.", "texte"));
        }
        return text;
    }

    private static int limit(Integer limit) throws OpusFault {
        if (limit == null) {
            return 10;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw OpusFault.of(OpusException.invalid(ProblemCodes.INVALID_PARAMETER,
                    "La limite doit être comprise entre 1 et " + MAX_LIMIT + ".", "limite"));
        }
        return limit;
    }

    private static CommuneType commune(Commune c) {
        return new CommuneType(c.inseeCode(), c.ftLabel(), c.mainPostalCode(), c.departmentCode(), c.regionCode());
    }
}
