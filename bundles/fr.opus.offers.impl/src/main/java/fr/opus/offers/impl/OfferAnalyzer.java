package fr.opus.offers.impl;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * French text as partners type it: elisions dropped ({@code l'hôtellerie}), case and accents ignored, stop words
 * dropped, words reduced by Lucene's light French stemmer so that masculine, feminine and plural forms meet
 * ({@code developpeur} finds {@code Développeuse}, {@code boulangère} finds {@code Boulanger}).
 */
final class OfferAnalyzer extends Analyzer {

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream s = new ElisionFilter(source, FrenchAnalyzer.DEFAULT_ARTICLES);
        s = new LowerCaseFilter(s);
        s = new StopFilter(s, FrenchAnalyzer.getDefaultStopSet());
        s = new FrenchLightStemFilter(s);
        s = new ASCIIFoldingFilter(s);
        return new TokenStreamComponents(source, s);
    }

    /** The terms {@code text} becomes in {@code field}. */
    List<String> terms(String field, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream ts = tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
