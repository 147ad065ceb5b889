// Package news is recoupe's vocabulary: the articles it reads, the facts,
// quotes and entity mentions it extracts from them (each with the byte span
// of its words in the article), the stories that group articles, the checks
// that compare facts across sources, and the brief that reports them.
//
// It imports only the standard library, so that every other package may
// import it; data flows one way: ingest → extract → story → crosscheck → brief.
package news
