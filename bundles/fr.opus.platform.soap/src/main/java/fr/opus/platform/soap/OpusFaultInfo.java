package fr.opus.platform.soap;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

/** The detail of an {@link OpusFault}: the same members as a REST problem document. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "OpusFaultInfo", propOrder = {"code", "status", "detail", "field"})
public class OpusFaultInfo {

    /** Stable machine-readable code, the same as the REST problem's {@code code}. */
    public String code;
    /** The HTTP status the same failure has over REST. */
    public int status;
    /** French explanation for people. */
    public String detail;
    /** The offending input, if one is to blame. */
    public String field;

    public OpusFaultInfo() {
    }

    public OpusFaultInfo(String code, int status, String detail, String field) {
        this.code = code;
        this.status = status;
        this.detail = detail;
        this.field = field;
    }
}
