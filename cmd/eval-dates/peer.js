// peer.js runs the peer, Microsoft Recognizers-Text (npm
// @microsoft/recognizers-text-suite), on a DateTimeModel spec file and
// prints its results as JSON for cmd/eval-dates to score.
//
// usage: node peer.js <culture> <spec.json>   (NODE_PATH names the install)
"use strict";
const fs = require("fs");
// The suite's date-time part, installed with it; its model is built once
// so that the timing measures parsing, not set-up.
const { DateTimeRecognizer } = require("@microsoft/recognizers-text-date-time");

const [culture, file] = process.argv.slice(2);
let raw = fs.readFileSync(file, "utf8");
if (raw.charCodeAt(0) === 0xfeff) raw = raw.slice(1);
const cases = JSON.parse(raw);

function refDate(c) {
  const s = c.Context && c.Context.ReferenceDateTime;
  if (!s) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(s);
  if (!m) return undefined;
  return new Date(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
}

const model = new DateTimeRecognizer(culture).getDateTimeModel();
model.parse("le 10 février 2025 à 14h30", new Date(2025, 1, 12)); // warm up

const out = [];
const t0 = process.hrtime.bigint();
for (const c of cases) {
  let res;
  try {
    res = model.parse(c.Input, refDate(c));
  } catch (e) {
    res = [];
  }
  out.push(res.map((r) => ({ start: r.start, end: r.end, text: r.text, typeName: r.typeName, resolution: r.resolution })));
}
const ns = Number(process.hrtime.bigint() - t0);
process.stdout.write(JSON.stringify({ elapsed_ns: ns, results: out }));
