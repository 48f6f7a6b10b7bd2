package fr.opus.preselection.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the preselection module (PID {@code fr.opus.preselection}). */
@ObjectClassDefinition(name = "Opus preselection", description = "Preselection module (DOMAIN §5)")
public @interface PreselectionConfig {

    String PID = "fr.opus.preselection";

    @AttributeDefinition(name = "Délai de retour de l'employeur (jours)",
            description = "Un candidat transmis sans le retour que le niveau exige après ce délai compte comme"
                    + " engagement de l'employeur en retard.", min = "1", max = "365")
    int feedbackDays() default 15;
}
