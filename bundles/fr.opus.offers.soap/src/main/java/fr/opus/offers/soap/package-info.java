/** The OfferService and OfferFeedService SOAP contracts and their endpoints. */
@XmlSchema(namespace = OfferPort.NAMESPACE, elementFormDefault = XmlNsForm.QUALIFIED)
package fr.opus.offers.soap;

import javax.xml.bind.annotation.XmlNsForm;
import javax.xml.bind.annotation.XmlSchema;
