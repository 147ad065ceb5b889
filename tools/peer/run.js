// run.js runs one model of Microsoft Recognizers-Text (the peer) over test
// cases and prints its results as JSON, with the time the parsing took.
//
// Usage: node run.js [--no-warmup] <NumberModel|CurrencyModel|DateTimeModel> <culture> [cases.json]
//
// Cases come from the file, or from standard input when no file is given:
// a JSON array of {"Input": "...", "Context": {"ReferenceDateTime": "..."}}
// (the layout of the Recognizers-Text Specs files; a UTF-8 BOM is allowed).
// Output, on one line: {"model", "culture", "cases", "elapsed_ms",
// "results": [[{"Text","Start","End","TypeName","Resolution"}...] per case]}
// with Start/End as the peer gives them (inclusive UTF-16 offsets).
// elapsed_ms times one pass over all cases after one warm-up pass (skip
// it with --no-warmup: the French DateTimeModel takes minutes per pass);
// Node runs the parsing on one core.
//
// NODE_PATH (or a node_modules beside this file) must hold
// @microsoft/recognizers-text-suite; cmd/eval-numbers installs it into a
// scratch folder.
'use strict';

const fs = require('fs');

function load(name) {
  return require(name);
}

function main() {
  const args = process.argv.slice(2);
  const warmup = !args.includes('--no-warmup');
  const [model, culture, file] = args.filter((a) => a !== '--no-warmup');
  if (!model || !culture) {
    process.stderr.write('usage: node run.js [--no-warmup] <NumberModel|CurrencyModel|DateTimeModel> <culture> [cases.json]\n');
    process.exit(2);
  }
  let text = file ? fs.readFileSync(file, 'utf8') : fs.readFileSync(0, 'utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const cases = JSON.parse(text);
  if (!Array.isArray(cases)) throw new Error('cases: want a JSON array');

  let parse;
  switch (model) {
    case 'NumberModel': {
      const N = load('@microsoft/recognizers-text-number');
      const m = new N.NumberRecognizer(culture).getNumberModel();
      parse = (c) => m.parse(c.Input);
      break;
    }
    case 'CurrencyModel': {
      const U = load('@microsoft/recognizers-text-number-with-unit');
      const m = new U.NumberWithUnitRecognizer(culture).getCurrencyModel();
      parse = (c) => m.parse(c.Input);
      break;
    }
    case 'DateTimeModel': {
      const D = load('@microsoft/recognizers-text-date-time');
      const m = new D.DateTimeRecognizer(culture).getDateTimeModel();
      parse = (c) => {
        const ref = c.Context && c.Context.ReferenceDateTime ? new Date(c.Context.ReferenceDateTime) : new Date();
        return m.parse(c.Input, ref);
      };
      break;
    }
    default:
      throw new Error('unknown model ' + model + ' (want NumberModel, CurrencyModel or DateTimeModel)');
  }

  const run = () => cases.map((c) => {
    try {
      return parse(c).map((r) => ({
        Text: r.text, Start: r.start, End: r.end, TypeName: r.typeName, Resolution: r.resolution,
      }));
    } catch (e) {
      return [{ Error: String(e) }];
    }
  });
  if (warmup) run();
  const t0 = process.hrtime.bigint();
  const results = run();
  const elapsed = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stdout.write(JSON.stringify({ model, culture, cases: cases.length, elapsed_ms: elapsed, results }) + '\n');
}

main();
