package fr.opus.referentials.rest;

import fr.opus.platform.api.rest.OpusRest;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import fr.opus.referentials.api.CodeLabel;
import fr.opus.referentials.api.CodeList;
import fr.opus.referentials.api.ReferentialService;
import fr.opus.referentials.api.Region;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * France Travail's "Offres d'emploi v2" referentials, same paths and same JSON as
 * {@code https://api.francetravail.io/partenaire/offresdemploi/v2/referentiel/*}: a program written for France
 * Travail reads them by changing only its base URL. Each answer carries {@code Content-Range: <name> *}{@code /<size>}
 * as France Travail documents.
 */
@Component(service = FtReferentialResource.class)
@JaxrsResource
@JaxrsExtensionSelect({OpusRest.JSON, OpusRest.PROBLEMS, OpusRest.AUTH})
@Permit({Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR, Role.PARTNER_APPLICATION})
@Path("/partenaire/offresdemploi/v2/referentiel")
@Produces(MediaType.APPLICATION_JSON)
public class FtReferentialResource {

    /** France Travail's {@code Referentiel}. */
    public record Referentiel(String code, String libelle) {
    }

    /** France Travail's {@code Region}. */
    public record RegionFt(String code, String libelle) {
    }

    /** France Travail's {@code Departement}. */
    public record DepartementFt(String code, String libelle, RegionFt region) {
    }

    /** France Travail's {@code Commune}: the label in France Travail's upper-case form, the main postal code. */
    public record CommuneFt(String code, String libelle, String codePostal, String codeDepartement) {
    }

    private final ReferentialService referentials;

    @Activate
    public FtReferentialResource(@Reference ReferentialService referentials) {
        this.referentials = referentials;
    }

    @GET
    @Path("regions")
    public Response regions() {
        return answer("regions", referentials.regions().stream().map(FtReferentialResource::region).toList());
    }

    @GET
    @Path("departements")
    public Response departements() {
        Map<String, RegionFt> regions = referentials.regions().stream()
                .collect(Collectors.toMap(Region::code, FtReferentialResource::region));
        return answer("departements", referentials.departments().stream()
                .map(d -> new DepartementFt(d.code(), d.name(), regions.get(d.regionCode()))).toList());
    }

    @GET
    @Path("communes")
    public Response communes() {
        return answer("communes", referentials.communes().stream()
                .map(c -> new CommuneFt(c.inseeCode(), c.ftLabel(), c.mainPostalCode(), c.departmentCode()))
                .toList());
    }

    @GET
    @Path("metiers")
    public Response metiers() {
        return answer("metiers", referentials.jobs().stream().map(j -> new Referentiel(j.romeCode(), j.label()))
                .toList());
    }

    @GET
    @Path("appellations")
    public Response appellations() {
        return answer("appellations", referentials.appellations().stream()
                .map(a -> new Referentiel(a.code(), a.label())).toList());
    }

    @GET
    @Path("domaines")
    public Response domaines() {
        return codeList("domaines", CodeList.DOMAINES);
    }

    @GET
    @Path("themes")
    public Response themes() {
        return codeList("themes", CodeList.THEMES);
    }

    @GET
    @Path("typesContrats")
    public Response typesContrats() {
        return codeList("typesContrats", CodeList.TYPES_CONTRATS);
    }

    @GET
    @Path("naturesContrats")
    public Response naturesContrats() {
        return codeList("naturesContrats", CodeList.NATURES_CONTRATS);
    }

    @GET
    @Path("secteursActivites")
    public Response secteursActivites() {
        return codeList("secteursActivites", CodeList.SECTEURS_ACTIVITES);
    }

    @GET
    @Path("nafs")
    public Response nafs() {
        return codeList("nafs", CodeList.NAFS);
    }

    private Response codeList(String name, CodeList list) {
        return answer(name, referentials.codeList(list).stream().map(toReferentiel()).toList());
    }

    private static Function<CodeLabel, Referentiel> toReferentiel() {
        return c -> new Referentiel(c.code(), c.label());
    }

    private static RegionFt region(Region r) {
        return new RegionFt(r.code(), r.name());
    }

    private static Response answer(String name, List<?> items) {
        return Response.ok(items).header("Content-Range", name + " */" + items.size()).build();
    }

}
