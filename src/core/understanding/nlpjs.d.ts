/** The part of the nlp.js language packages Goesting uses: their stemmers. */
interface NlpStemmer {
  stemWord(word: string): string;
}
type NlpStemmerClass = new () => NlpStemmer;
declare module '@nlpjs/lang-en' { const m: { StemmerEn: NlpStemmerClass }; export default m; }
declare module '@nlpjs/lang-fr' { const m: { StemmerFr: NlpStemmerClass }; export default m; }
declare module '@nlpjs/lang-nl' { const m: { StemmerNl: NlpStemmerClass }; export default m; }
declare module '@nlpjs/lang-ro' { const m: { StemmerRo: NlpStemmerClass }; export default m; }
declare module '@nlpjs/lang-tr' { const m: { StemmerTr: NlpStemmerClass }; export default m; }
declare module '@nlpjs/lang-uk' { const m: { StemmerUk: NlpStemmerClass }; export default m; }
